package org.ownersvote.ballot.service;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.ownersvote.ballot.BallotElection;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.platform.audit.AuditLog;

/** Keeps ballot-service's record of elections in step with election-service's events. */
@ApplicationScoped
public class ElectionRegistry {

    private static final Logger LOG = Logger.getLogger(ElectionRegistry.class);

    @Inject
    AuditLog audit;

    /** Runs inside the inbox transaction; the inbox guarantees it runs once per event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventEnvelope envelope, ElectionCreated created) {
        if (BallotElection.findById(created.electionId()) != null) {
            return; // the same election announced by another event id: nothing new
        }
        BallotElection election = new BallotElection();
        election.id = created.electionId();
        election.communityId = created.communityId();
        election.title = created.title();
        election.rulePack = created.rulePack();
        election.seats = created.seats();
        election.alternates = created.alternates();
        election.drill = created.drill();
        election.createdAt = envelope.time() == null ? OffsetDateTime.now() : envelope.time();
        election.persist();
        audit.record("event:" + envelope.source(), "election.recorded", "election", election.id, election.id,
                "from event " + envelope.id());
        LOG.infof("Recorded election %s of community %s", election.id, election.communityId);
    }
}
