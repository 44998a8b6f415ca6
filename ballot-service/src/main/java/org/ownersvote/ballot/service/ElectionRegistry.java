package org.ownersvote.ballot.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.ownersvote.ballot.BallotElection;
import org.ownersvote.ballot.repository.ElectionLocks;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.UnreadableEventException;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.events.election.ElectionPhase;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.events.election.VotingDeadlineExtended;
import org.ownersvote.platform.audit.AuditLog;

/** Keeps ballot-service's record of elections in step with election-service's events. */
@ApplicationScoped
public class ElectionRegistry {

    private static final Logger LOG = Logger.getLogger(ElectionRegistry.class);

    @Inject
    AuditLog audit;

    @Inject
    VotingGate gate;

    @Inject
    ElectionLocks locks;

    /**
     * Keeps the phase in step, only ever forward; voting-opened is handled by {@link BallotIssuance}. Voting is
     * normally closed by election-service's call ({@link VotingGate#close}) before this event exists; should it not
     * have been, the event closes it at the instant it carries.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void phaseChanged(EventEnvelope envelope, PhaseChanged change) {
        if (change.fromPhase() == ElectionPhase.VOTING && change.toPhase() != ElectionPhase.VOTING) {
            gate.closeFromEvent(change);
            return;
        }
        BallotElection election = known(locks, change.electionId());
        election.moveForwardTo(change.toPhase());
        if (change.votingDeadline() != null && election.votingClosedAt == null) {
            election.votingDeadline = change.votingDeadline();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deadlineExtended(EventEnvelope envelope, VotingDeadlineExtended extension) {
        BallotElection election = known(locks, extension.electionId());
        if (election.votingClosedAt == null) { // a late extension never reopens a closed vote
            election.votingDeadline = extension.deadline();
        }
    }

    /** The election an event is about, read and locked for a change ({@link ElectionLocks#lockForChange}). */
    static BallotElection known(ElectionLocks locks, UUID electionId) {
        return locks.lockForChange(electionId).orElseThrow(
                () -> new UnreadableEventException("event for unknown election " + electionId));
    }

    /** Runs inside the inbox transaction; the inbox guarantees it runs once per event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventEnvelope envelope, ElectionCreated created) {
        if (BallotElection.findById(created.electionId()) != null) {
            return; // the same election announced by another event id: nothing new
        }
        BallotElection election = new BallotElection();
        election.copy(created);
        election.createdAt = envelope.time() == null ? OffsetDateTime.now() : envelope.time();
        election.phase = ElectionPhase.DRAFT.name();
        election.persist();
        audit.record("event:" + envelope.source(), "election.recorded", "election", election.id, election.id,
                "from event " + envelope.id());
        LOG.infof("Recorded election %s of community %s", election.id, election.communityId);
    }
}
