package org.ownersvote.ballot.domain;

/** What building leaders and the working group record about a ballot, and the owner's own electronic vote. */
public enum BallotAction {
    HANDOUT, UNDELIVERABLE, RETURN, VOID, CAST
}
