package org.ownersvote.election.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ownersvote.election.service.ElectionService;
import org.ownersvote.events.EventType;
import org.ownersvote.events.ballot.TallyFinalized;
import org.ownersvote.platform.inbox.EventHandlers;
import org.ownersvote.platform.inbox.InboundEvents;

import io.smallrye.common.annotation.Blocking;

/** ballot-service's events election-service acts on: the final tally (topic ballot-results). Applied once each. */
@ApplicationScoped
public class BallotEventsConsumer {

    static final String CONSUMER = "election-service";

    @Inject
    InboundEvents inbound;

    @Inject
    ElectionService elections;

    private EventHandlers handlers;

    @Incoming("ballot-results")
    @Blocking // ordered: one event at a time
    public void consume(ConsumerRecord<String, String> record) {
        inbound.process(CONSUMER, record, handlers);
    }

    @PostConstruct
    void registerHandlers() {
        handlers = new EventHandlers().on(EventType.TALLY_FINALIZED, TallyFinalized.class, elections::tallyFinalized);
    }
}
