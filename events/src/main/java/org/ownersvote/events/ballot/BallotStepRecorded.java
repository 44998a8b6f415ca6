package org.ownersvote.events.ballot;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.ownersvote.events.Validated;

/**
 * {@code ballot.step-recorded.v1}: a ballot was handed out, marked undeliverable, returned, voided or cast online
 * (for reminders, the public list of undeliverable ballots, and audit).
 *
 * @param action            HANDOUT, UNDELIVERABLE, RETURN, VOID, or CAST (the owner voted online)
 * @param replacementSerial for VOID: the serial of the ballot issued in its place
 */
public record BallotStepRecorded(UUID electionId, String serial, String building, String unit, String action,
        String status, OffsetDateTime at, String reason, String replacementSerial) implements Validated {

    @Override
    public void validate() {
        Validated.require(electionId, "electionId");
        Validated.require(serial, "serial");
        Validated.require(action, "action");
    }
}
