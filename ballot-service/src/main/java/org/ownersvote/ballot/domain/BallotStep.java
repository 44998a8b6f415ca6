package org.ownersvote.ballot.domain;

import java.time.OffsetDateTime;

/**
 * One step recorded on a ballot's trail, as the person recording it gave it: one factory per kind of step, each with
 * the details that kind carries. {@code at} is when it happened (null: now).
 */
public record BallotStep(BallotAction action, String recipientName, String relation, String method, String channel,
        String reason, OffsetDateTime at) {

    /** Handed to {@code recipientName} ({@code relation} to the owner) by {@code method}. */
    public static BallotStep handout(String recipientName, String relation, String method, OffsetDateTime at) {
        return new BallotStep(BallotAction.HANDOUT, recipientName, relation, method, null, null, at);
    }

    public static BallotStep undeliverable(String reason) {
        return new BallotStep(BallotAction.UNDELIVERABLE, null, null, null, null, reason, null);
    }

    /** Received through {@code channel}; {@code reason} explains a return the working group records unusually. */
    public static BallotStep returned(String channel, String reason, OffsetDateTime at) {
        return new BallotStep(BallotAction.RETURN, null, null, null, channel, reason, at);
    }

    public static BallotStep voided(String reason) {
        return new BallotStep(BallotAction.VOID, null, null, null, null, reason, null);
    }

    /** The owner's electronic vote, received at {@code at}. */
    public static BallotStep castOnline(OffsetDateTime at) {
        return new BallotStep(BallotAction.CAST, null, null, null, "ONLINE", null, at);
    }
}
