package org.ownersvote.ballot.domain;

/**
 * Where a ballot is: issued for a unit, handed out (or not deliverable), back in the box, cast online by its owner,
 * or void. RETURNED and CAST_ONLINE are the two ways a unit votes, and a unit votes once. RETURNED_LATE is a paper
 * ballot received after voting closed: kept on record, never counted.
 */
public enum BallotStatus {
    ISSUED, HANDED_OUT, UNDELIVERABLE, RETURNED, CAST_ONLINE, VOIDED, RETURNED_LATE
}
