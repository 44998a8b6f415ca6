package org.ownersvote.ballot.domain;

/** Where a paper ballot is: issued for a unit, handed out (or not deliverable), back in the box, or void. */
public enum BallotStatus {
    ISSUED, HANDED_OUT, UNDELIVERABLE, RETURNED, VOIDED
}
