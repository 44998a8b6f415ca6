package org.ownersvote.events.election;

import java.util.UUID;

import org.ownersvote.events.Validated;

/** {@code election.candidate-decided.v1}: the working group found a nominee eligible (APPROVED) or not (REJECTED). */
public record CandidateDecided(UUID electionId, UUID candidateId, String name, String decision, String reasonCategory,
        String reason, boolean drill) implements Validated {

    @Override
    public void validate() {
        Validated.require(electionId, "electionId");
        Validated.require(candidateId, "candidateId");
        Validated.require(decision, "decision");
    }
}
