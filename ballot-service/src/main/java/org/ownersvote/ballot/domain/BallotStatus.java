package org.ownersvote.ballot.domain;

/**
 * Where a ballot is: issued for a unit, handed out (or not deliverable), back in the box, cast online by its owner,
 * or void. RETURNED and CAST_ONLINE are the two ways a unit votes, and a unit votes once.
 */
public enum BallotStatus {
    ISSUED, HANDED_OUT, UNDELIVERABLE, RETURNED, CAST_ONLINE, VOIDED
}
