package org.ownersvote.ballot.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ownersvote.ballot.service.BallotIssuance;
import org.ownersvote.ballot.service.ElectionRegistry;
import org.ownersvote.ballot.service.ElectorateStore;
import org.ownersvote.events.EventType;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.events.election.ElectorateChunk;
import org.ownersvote.events.election.ElectoratePublished;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.events.election.VotingDeadlineExtended;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.platform.inbox.EventHandlers;
import org.ownersvote.platform.inbox.InboundEvents;

import io.smallrye.common.annotation.Blocking;

/** Election events, applied once each; unreadable ones go to ballot-service.dead-letter with the reason. */
@ApplicationScoped
public class ElectionEventsConsumer {

    static final String CONSUMER = "ballot-service";

    @Inject
    InboundEvents inbound;

    @Inject
    ElectionRegistry elections;

    @Inject
    ElectorateStore electorates;

    @Inject
    BallotIssuance issuance;

    private EventHandlers handlers;

    @Incoming("election-events")
    @Blocking // ordered: one event at a time, so one election's events apply in order
    public void consume(ConsumerRecord<String, String> record) {
        inbound.process(CONSUMER, record, handlers);
    }

    @PostConstruct
    void registerHandlers() {
        handlers = new EventHandlers()
                .on(EventType.ELECTION_CREATED, ElectionCreated.class, elections::record)
                .on(EventType.ELECTORATE_PUBLISHED, ElectoratePublished.class, electorates::published)
                .on(EventType.ELECTORATE_CHUNK, ElectorateChunk.class, electorates::chunk)
                .on(EventType.VOTING_OPENED, VotingOpened.class, issuance::votingOpened)
                .on(EventType.PHASE_CHANGED, PhaseChanged.class, elections::phaseChanged)
                .on(EventType.VOTING_DEADLINE_EXTENDED, VotingDeadlineExtended.class, elections::deadlineExtended);
    }
}
