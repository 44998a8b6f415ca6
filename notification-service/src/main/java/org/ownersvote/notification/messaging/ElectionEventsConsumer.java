package org.ownersvote.notification.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ownersvote.events.EventType;
import org.ownersvote.events.ballot.BallotStepRecorded;
import org.ownersvote.events.ballot.TallyFinalized;
import org.ownersvote.events.election.CandidateListPublished;
import org.ownersvote.events.election.ContactsChunk;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.events.election.ElectoratePublished;
import org.ownersvote.events.election.ObjectionAnswered;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.events.election.VotingDeadlineExtended;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.notification.service.BallotStates;
import org.ownersvote.notification.service.ContactBook;
import org.ownersvote.notification.service.NoticeBoard;
import org.ownersvote.notification.service.OwnerMessages;
import org.ownersvote.platform.inbox.EventHandlers;
import org.ownersvote.platform.inbox.InboundEvents;

import io.smallrye.common.annotation.Blocking;

/**
 * Election and ballot events that produce notices and messages, applied once each; unreadable ones are
 * dead-lettered.
 */
@ApplicationScoped
public class ElectionEventsConsumer {

    static final String CONSUMER = "notification-service";

    @Inject
    InboundEvents inbound;

    @Inject
    NoticeBoard board;

    @Inject
    ContactBook contacts;

    @Inject
    OwnerMessages messages;

    @Inject
    BallotStates ballots;

    private EventHandlers handlers;

    @Incoming("election-events")
    @Blocking // ordered: one event at a time, so one election's notices appear in order
    public void consume(ConsumerRecord<String, String> record) {
        inbound.process(CONSUMER, record, handlers);
    }

    /**
     * Ballot events: each unit's ballot steps (for reminders and worklists) and the final tally (the figures the result
     * notice prints when the working group publishes the result).
     */
    @Incoming("ballot-events")
    @Blocking
    public void consumeBallotEvents(ConsumerRecord<String, String> record) {
        inbound.process(CONSUMER, record, ballotHandlers);
    }

    private EventHandlers ballotHandlers;

    @PostConstruct
    void registerHandlers() {
        // the notice first: it records the election's phase and deadline the messages go by
        ballotHandlers = new EventHandlers()
                .on(EventType.TALLY_FINALIZED, TallyFinalized.class,
                        (e, p) -> board.tallyFinalized(e, p).ifPresent(messages::resultPublished))
                .on(EventType.BALLOT_STEP_RECORDED, BallotStepRecorded.class, ballots::stepRecorded);
        handlers = new EventHandlers()
                .on(EventType.ELECTION_CREATED, ElectionCreated.class, board::electionStarted)
                .on(EventType.PHASE_CHANGED, PhaseChanged.class, (e, p) -> {
                    board.phaseChanged(e, p).ifPresent(messages::resultPublished);
                    messages.phaseChanged(e, p);
                })
                .on(EventType.CANDIDATE_LIST_PUBLISHED, CandidateListPublished.class, (e, p) -> {
                    board.candidateList(e, p);
                    messages.candidateList(e, p);
                })
                .on(EventType.OBJECTION_ANSWERED, ObjectionAnswered.class, board::objectionAnswered)
                .on(EventType.VOTING_OPENED, VotingOpened.class, (e, p) -> {
                    board.votingOpened(e, p);
                    messages.votingOpened(e, p);
                })
                .on(EventType.VOTING_DEADLINE_EXTENDED, VotingDeadlineExtended.class, (e, p) -> {
                    board.deadlineExtended(e, p);
                    messages.deadlineExtended(e, p);
                })
                .on(EventType.ELECTORATE_PUBLISHED, ElectoratePublished.class, contacts::published)
                .on(EventType.CONTACTS_CHUNK, ContactsChunk.class, contacts::chunk);
    }
}
