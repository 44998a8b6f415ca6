package org.ownersvote.events.election;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.ownersvote.events.Validated;

/**
 * {@code election.voting-opened.v1}: voting runs until the deadline; carries what ballots print: the approved
 * candidates in stroke order and the motions, with the seats to fill.
 */
public record VotingOpened(UUID electionId, UUID communityId, String rulePack, int seats, int alternates,
        OffsetDateTime votingDeadline, int electorateVersion, List<BallotCandidate> candidates,
        List<BallotMotion> motions, boolean drill) implements Validated {

    @Override
    public void validate() {
        Validated.require(electionId, "electionId");
        Validated.require(votingDeadline, "votingDeadline");
        Validated.require(candidates, "candidates");
        Validated.require(motions, "motions");
    }
}
