package org.ownersvote.ballot.domain;

/** What building leaders and the working group record about a ballot. */
public enum BallotAction {
    HANDOUT, UNDELIVERABLE, RETURN, VOID
}
