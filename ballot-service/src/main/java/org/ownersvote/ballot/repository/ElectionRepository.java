package org.ownersvote.ballot.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.ownersvote.ballot.BallotElection;
import org.ownersvote.platform.problem.ProblemException;
import org.ownersvote.platform.problem.Text;

/** ballot-service's copies of elections; the locks that make the close one instant are {@link ElectionLocks}. */
@ApplicationScoped
public class ElectionRepository {

    @Inject
    EntityManager em;

    public Optional<BallotElection> find(UUID electionId) {
        return Optional.ofNullable(em.find(BallotElection.class, electionId));
    }

    /** The election, or the 404 problem for one this service does not know. */
    public BallotElection require(UUID electionId) {
        return find(electionId).orElseThrow(() -> ProblemException.notFound(Text.of("thing.election"), electionId));
    }

    /** Locked for update (a ledger append, issuing the ballots, finalizing the tally); null if unknown. */
    public BallotElection lockedForUpdate(UUID electionId) {
        return em.find(BallotElection.class, electionId, LockModeType.PESSIMISTIC_WRITE);
    }
}
