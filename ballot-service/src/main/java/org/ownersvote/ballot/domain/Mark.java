package org.ownersvote.ballot.domain;

/** A mark for a candidate or a motion: 同意 / 不同意 / 弃权. Blank or unclear marks on paper are abstentions. */
public enum Mark {
    APPROVE, OPPOSE, ABSTAIN
}
