package org.ownersvote.ballot.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.ownersvote.ballot.BallotElection;
import org.ownersvote.ballot.repository.BallotRepository;
import org.ownersvote.ballot.repository.ElectionLocks;
import org.ownersvote.ballot.repository.ElectorateRepository;
import org.ownersvote.events.EventCodec;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.election.ElectionPhase;
import org.ownersvote.events.election.ElectorateChunk;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.platform.audit.AuditLog;
import org.ownersvote.platform.metrics.Figures;

/**
 * Issues one ballot per counted unit when voting opens, and only from the complete electorate voting-opened names:
 * if that electorate is still arriving, issuance waits for it. Issued exactly once per election, however often the
 * events are delivered.
 */
@ApplicationScoped
public class BallotIssuance {

    private static final Logger LOG = Logger.getLogger(BallotIssuance.class);

    @Inject
    EntityManager em;

    @Inject
    Figures figures;

    @Inject
    ElectorateStore electorates;

    @Inject
    ElectorateRepository electorate;

    @Inject
    BallotRepository ballots;

    @Inject
    AuditLog audit;

    @Inject
    ElectionLocks locks;

    @Transactional(Transactional.TxType.MANDATORY)
    public void votingOpened(EventEnvelope envelope, VotingOpened opened) {
        open(ElectionRegistry.known(locks, opened.electionId()), opened, envelope.time());
    }

    /**
     * Records that voting opened and issues the ballots if the electorate is complete. Called by election-service
     * as a step of opening voting and again by its voting-opened event: the second time changes nothing, and a
     * late event never takes an election that voting already left back to VOTING. The caller read {@code election}
     * with {@link ElectionLocks#lockForChange}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(BallotElection election, VotingOpened opened, OffsetDateTime at) {
        if (election.votingOpenedAt == null) { // else opened already, by the call or an earlier delivery
            election.moveForwardTo(ElectionPhase.VOTING);
            election.votingOpenedAt = at;
            election.votingDeadline = opened.votingDeadline();
            election.electorateVersion = opened.electorateVersion();
            election.ballotCandidates = EventCodec.write(opened.candidates());
            election.ballotMotions = EventCodec.write(opened.motions());
            em.flush();
        }
        issueIfReady(opened.electionId());
    }

    /** A complete electorate may be what the ballots waited for, when voting opened before all of it arrived. */
    void electorateComplete(@Observes ElectorateStore.ElectorateComplete complete) {
        issueIfReady(complete.electionId());
    }

    /** Issues the ballots if voting has opened, they are not issued yet, and the electorate is complete. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void issueIfReady(UUID electionId) {
        BallotElection election = em.find(BallotElection.class, electionId, LockModeType.PESSIMISTIC_WRITE);
        if (election == null || election.electorateVersion == null || election.ballotsIssuedAt != null) {
            return;
        }
        boolean complete = electorate.of(electionId, election.electorateVersion).map(v -> v.complete)
                .orElse(false);
        if (!complete) {
            LOG.infof("Voting opened for %s; ballots wait for electorate v%d to arrive complete", electionId,
                    election.electorateVersion);
            return;
        }
        List<ElectorateChunk.Unit> counted = electorates.units(electionId, election.electorateVersion).stream()
                .filter(ElectorateChunk.Unit::counted).toList();
        OffsetDateTime now = OffsetDateTime.now();
        ballots.issue(electionId, counted, now);
        election.ballotsIssuedAt = now;
        figures.count("ownersvote.ballots.issued", counted.size());
        audit.record("system", "ballots.issued", "election", electionId, electionId,
                counted.size() + " ballots from electorate v" + election.electorateVersion);
        LOG.infof("Issued %d ballots for election %s", counted.size(), electionId);
    }
}
