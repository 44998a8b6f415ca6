package org.ownersvote.events;

import java.util.Arrays;
import java.util.Optional;

import org.ownersvote.events.ballot.BallotStepRecorded;
import org.ownersvote.events.ballot.TallyFinalized;
import org.ownersvote.events.election.CandidateDecided;
import org.ownersvote.events.election.CandidateListPublished;
import org.ownersvote.events.election.ContactsChunk;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.events.election.ElectorateChunk;
import org.ownersvote.events.election.ElectoratePublished;
import org.ownersvote.events.election.ObjectionAnswered;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.events.election.ResultCertified;
import org.ownersvote.events.election.VotingDeadlineExtended;
import org.ownersvote.events.election.VotingOpened;

/**
 * Every event type the suite knows: its CloudEvents {@code type} (versioned: a breaking change gets a new
 * version and a new constant), the topic it travels on and the record its {@code data} is read into.
 */
public enum EventType {

    ELECTION_CREATED("election.created.v1", Topics.ELECTION_EVENTS, ElectionCreated.class), ELECTORATE_PUBLISHED(
            "election.electorate-published.v1", Topics.ELECTION_EVENTS,
            ElectoratePublished.class), ELECTORATE_CHUNK("election.electorate-chunk.v1", Topics.ELECTION_EVENTS,
                    ElectorateChunk.class), CONTACTS_CHUNK("election.contacts-chunk.v1", Topics.ELECTION_EVENTS,
                            ContactsChunk.class), PHASE_CHANGED("election.phase-changed.v1", Topics.ELECTION_EVENTS,
                                    PhaseChanged.class), VOTING_DEADLINE_EXTENDED(
                                            "election.voting-deadline-extended.v1", Topics.ELECTION_EVENTS,
                                            VotingDeadlineExtended.class), CANDIDATE_DECIDED(
                                                    "election.candidate-decided.v1", Topics.ELECTION_EVENTS,
                                                    CandidateDecided.class), CANDIDATE_LIST_PUBLISHED(
                                                            "election.candidate-list-published.v1",
                                                            Topics.ELECTION_EVENTS,
                                                            CandidateListPublished.class), OBJECTION_ANSWERED(
                                                                    "election.objection-answered.v1",
                                                                    Topics.ELECTION_EVENTS,
                                                                    ObjectionAnswered.class), VOTING_OPENED(
                                                                            "election.voting-opened.v1",
                                                                            Topics.ELECTION_EVENTS,
                                                                            VotingOpened.class), RESULT_CERTIFIED(
                                                                                    "election.result-certified.v1",
                                                                                    Topics.ELECTION_EVENTS,
                                                                                    ResultCertified.class), TALLY_FINALIZED(
                                                                                            "ballot.tally-finalized.v1",
                                                                                            Topics.BALLOT_RESULTS,
                                                                                            TallyFinalized.class), BALLOT_STEP_RECORDED(
                                                                                                    "ballot.step-recorded.v1",
                                                                                                    Topics.BALLOT_EVENTS,
                                                                                                    BallotStepRecorded.class);

    private final String type;
    private final String topic;
    private final Class<? extends Record> payloadClass;

    EventType(String type, String topic, Class<? extends Record> payloadClass) {
        this.type = type;
        this.topic = topic;
        this.payloadClass = payloadClass;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends Record> payloadClass() {
        return payloadClass;
    }

    public static Optional<EventType> fromType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }

    public static EventType of(Class<? extends Record> payloadClass) {
        return Arrays.stream(values()).filter(t -> t.payloadClass == payloadClass).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + payloadClass.getName()));
    }
}
