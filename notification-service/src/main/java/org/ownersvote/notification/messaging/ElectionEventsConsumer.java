package org.ownersvote.notification.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ownersvote.events.EventType;
import org.ownersvote.events.election.ContactsChunk;
import org.ownersvote.events.ballot.TallyFinalized;
import org.ownersvote.events.election.CandidateListPublished;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.events.election.ObjectionAnswered;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.events.election.VotingDeadlineExtended;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.events.election.ElectoratePublished;
import org.ownersvote.notification.service.ContactBook;
import org.ownersvote.notification.service.NoticeBoard;
import org.ownersvote.platform.inbox.EventHandlers;
import org.ownersvote.platform.inbox.InboundEvents;

import io.smallrye.common.annotation.Blocking;

/** Election and ballot events that produce notices, applied once each; unreadable ones are dead-lettered. */
@ApplicationScoped
public class ElectionEventsConsumer {

    static final String CONSUMER = "notification-service";

    @Inject
    InboundEvents inbound;

    @Inject
    NoticeBoard board;

    @Inject
    ContactBook contacts;

    private EventHandlers handlers;

    @Incoming("election-events")
    @Blocking // ordered: one event at a time, so one election's notices appear in order
    public void consume(String event) {
        inbound.process(CONSUMER, event, handlers);
    }

    /** Ballot events: only the final tally calls for a notice (the result); the others are skipped. */
    @Incoming("ballot-events")
    @Blocking
    public void consumeBallotEvents(String event) {
        inbound.process(CONSUMER, event, ballotHandlers);
    }

    private EventHandlers ballotHandlers;

    @PostConstruct
    void registerHandlers() {
        ballotHandlers = new EventHandlers().on(EventType.TALLY_FINALIZED, TallyFinalized.class, board::result);
        handlers = new EventHandlers()
                .on(EventType.ELECTION_CREATED, ElectionCreated.class, board::electionStarted)
                .on(EventType.PHASE_CHANGED, PhaseChanged.class, board::phaseChanged)
                .on(EventType.CANDIDATE_LIST_PUBLISHED, CandidateListPublished.class, board::candidateList)
                .on(EventType.OBJECTION_ANSWERED, ObjectionAnswered.class, board::objectionAnswered)
                .on(EventType.VOTING_OPENED, VotingOpened.class, board::votingOpened)
                .on(EventType.VOTING_DEADLINE_EXTENDED, VotingDeadlineExtended.class, board::deadlineExtended)
                .on(EventType.ELECTORATE_PUBLISHED, ElectoratePublished.class, contacts::published)
                .on(EventType.CONTACTS_CHUNK, ContactsChunk.class, contacts::chunk);
    }
}
