package org.ownersvote.ballot.domain.tally;

/**
 * Who signed a paper ballot (记名投票). Only the owner's signature, or a proxy's with the written authorization
 * (委托书) attached, makes a ballot valid; anything else makes it invalid as a whole. An online vote is
 * the owner's own, proven by the verification code.
 */
public enum Signature {
    OWNER, PROXY_WITH_AUTHORIZATION, PROXY_WITHOUT_AUTHORIZATION, NONE;

    public boolean valid() {
        return this == OWNER || this == PROXY_WITH_AUTHORIZATION;
    }
}
