package org.ownersvote.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.ownersvote.events.Topics;

class OutboxTopicTest {

    @Test
    void aFinalTallyWrittenForTheOldTopicGoesToBallotResults() {
        assertEquals(Topics.BALLOT_RESULTS, OutboxSender.topic(row("ballot.tally-finalized.v1", Topics.BALLOT_EVENTS)));
        assertEquals(Topics.BALLOT_EVENTS, OutboxSender.topic(row("ballot.step-recorded.v1", Topics.BALLOT_EVENTS)));
    }

    @Test
    void aTypeThisVersionDoesNotKnowKeepsItsStoredTopic() {
        assertEquals("somewhere", OutboxSender.topic(row("other.thing.v9", "somewhere")));
    }

    private static OutboxEvent row(String type, String topic) {
        OutboxEvent row = new OutboxEvent();
        row.eventType = type;
        row.topic = topic;
        return row;
    }
}
