package org.ownersvote.ballot.repository;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.ownersvote.ballot.BallotElection;

/**
 * The lock that makes the close of voting one instant. Every vote, handout and return takes a shared lock on its
 * election's row (FOR KEY SHARE: steps do not wait for each other) before it reads whether voting is open; the close
 * takes it exclusively (FOR UPDATE), so it waits for the steps in flight, and every step after it sees the close.
 * Take it before locking a ballot, as the close does, so the two can never wait for each other in a circle.
 */
@ApplicationScoped
public class ElectionLocks {

    @Inject
    EntityManager em;

    /** Shared with other steps, exclusive of the close; a no-op for an unknown election (the step then fails). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForStep(UUID electionId) {
        if (electionId != null) {
            em.createNativeQuery("select id from election where id = ?1 for key share")
                    .setParameter(1, electionId).getResultList();
        }
    }

    /**
     * The shared lock of {@link #lockForStep}, taken on the election of the ballot with this serial, and that
     * election read in the same statement (a handout would otherwise look the election up, lock it and read it in
     * three round trips). Empty for an unknown serial (the step then fails on the ballot). The serial as typed:
     * upper-cased here as {@code BallotRepository.bySerial} does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<BallotElection> lockForStepOfBallot(String typedSerial) {
        String serial = typedSerial == null ? "" : typedSerial.strip().toUpperCase(Locale.ROOT);
        List<?> found = em.createNativeQuery("""
                select e.* from election e
                where e.id = (select b.election_id from ballot b where b.serial = ?1)
                for key share""", BallotElection.class).setParameter(1, serial).getResultList();
        return found.stream().map(BallotElection.class::cast).findFirst();
    }

    /**
     * The election read for a change to ballot-service's copy of it (phase, opening, deadline, issuance), locked
     * against every other such change until this transaction ends (FOR NO KEY UPDATE: steps, which take FOR KEY
     * SHARE, do not wait for it). Without it, an event's handler that read the election before voting opened by
     * election-service's call, and committed after it, wrote the old phase and a null opening back. Call it before
     * anything of the election is read in the transaction: an election already read is not read again. Empty for
     * an unknown election.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<BallotElection> lockForChange(UUID electionId) {
        List<?> found = em.createNativeQuery("select e.* from election e where e.id = ?1 for no key update",
                BallotElection.class).setParameter(1, electionId).getResultList();
        return found.stream().map(BallotElection.class::cast).findFirst();
    }

    /** Exclusive: waits for every step in flight. Call before anything of the election is read in the transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForClose(UUID electionId) {
        em.createNativeQuery("select id from election where id = ?1 for update").setParameter(1, electionId)
                .getResultList();
    }
}
