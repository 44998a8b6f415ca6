package org.ownersvote.events.election;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.ownersvote.events.Validated;

/** {@code election.candidate-list-published.v1}: the approved candidates, in ballot order, are public until the end. */
public record CandidateListPublished(UUID electionId, UUID communityId, OffsetDateTime publicityEndsAt,
        List<BallotCandidate> candidates, boolean drill) implements Validated {

    @Override
    public void validate() {
        Validated.require(electionId, "electionId");
        Validated.require(candidates, "candidates");
    }
}
