package org.ownersvote.events.election;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.ownersvote.events.Validated;

/**
 * {@code election.phase-changed.v1}: an election moved from one phase to the next.
 *
 * @param votingDeadline set from VOTING on
 * @param reason         the working group's reason where one was given (e.g. closing voting early)
 */
public record PhaseChanged(UUID electionId, UUID communityId, String from, String to, OffsetDateTime at,
        boolean drill, OffsetDateTime votingDeadline, String reason) implements Validated {

    @Override
    public void validate() {
        Validated.require(electionId, "electionId");
        Validated.require(from, "from");
        Validated.require(to, "to");
        Validated.require(at, "at");
    }

    /** {@link #from} as the phase it names. */
    public ElectionPhase fromPhase() {
        return ElectionPhase.of(from);
    }

    /** {@link #to} as the phase it names. */
    public ElectionPhase toPhase() {
        return ElectionPhase.of(to);
    }
}
