package org.ownersvote.ballot.domain;

import org.ownersvote.platform.problem.Text;

/**
 * Where a ballot is: issued for a unit, handed out (or not deliverable), back in the box, cast online by its owner,
 * or void. RETURNED and CAST_ONLINE are the two ways a unit votes, and a unit votes once. RETURNED_LATE is a paper
 * ballot received after voting closed: kept on record, never counted.
 */
public enum BallotStatus {
    ISSUED, HANDED_OUT, UNDELIVERABLE, RETURNED, CAST_ONLINE, VOIDED, RETURNED_LATE;

    /** The status in words, for a message ("已发放", not HANDED_OUT). */
    public Text text() {
        return switch (this) {
            case ISSUED -> Text.of("ballot-status.issued");
            case HANDED_OUT -> Text.of("ballot-status.handed-out");
            case UNDELIVERABLE -> Text.of("ballot-status.undeliverable");
            case RETURNED -> Text.of("ballot-status.returned");
            case CAST_ONLINE -> Text.of("ballot-status.cast-online");
            case VOIDED -> Text.of("ballot-status.voided");
            case RETURNED_LATE -> Text.of("ballot-status.returned-late");
        };
    }
}
