package org.ownersvote.events.election;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.ownersvote.events.Validated;

/** {@code election.voting-deadline-extended.v1}: the working group extended voting before its deadline passed. */
public record VotingDeadlineExtended(UUID electionId, UUID communityId, OffsetDateTime previousDeadline,
        OffsetDateTime deadline, String reason, boolean drill) implements Validated {

    @Override
    public void validate() {
        Validated.require(electionId, "electionId");
        Validated.require(deadline, "deadline");
        Validated.require(previousDeadline, "previousDeadline");
    }
}
