package org.ownersvote.events.election;

import java.util.UUID;

import org.ownersvote.events.Validated;

/** {@code election.created.v1}: a working group created an election in DRAFT. */
public record ElectionCreated(
        UUID electionId,
        UUID communityId,
        String communityName,
        String title,
        String rulePack,
        int seats,
        int alternates,
        int votingDays,
        boolean drill) implements Validated {

    @Override
    public void validate() {
        Validated.require(electionId, "electionId");
        Validated.require(communityId, "communityId");
        Validated.require(title, "title");
        Validated.require(rulePack, "rulePack");
    }
}
