package org.ownersvote.events.election;

import java.util.UUID;

import org.ownersvote.events.Validated;

/** {@code election.objection-answered.v1}: the working group answered an objection to the candidate list. */
public record ObjectionAnswered(UUID electionId, UUID communityId, UUID objectionId, UUID candidateId, String text,
        String answer, boolean drill) implements Validated {

    @Override
    public void validate() {
        Validated.require(electionId, "electionId");
        Validated.require(objectionId, "objectionId");
        Validated.require(answer, "answer");
    }
}
