package org.ownersvote.ballot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.events.Topics;
import org.ownersvote.platform.audit.AuditEntry;
import org.ownersvote.platform.testing.KafkaTopics;
import org.ownersvote.platform.testing.TestEvents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ElectionEventsConsumerTest {

    static final String DEAD_LETTER = "ballot-service.dead-letter";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @Test
    void recordsAnAnnouncedElection() {
        UUID electionId = UUID.randomUUID();
        UUID communityId = UUID.randomUUID();
        send(electionId, TestEvents.envelope(UUID.randomUUID().toString(), electionId,
                TestEvents.electionCreated(electionId, communityId, "真如佳苑")));

        BallotElection recorded = awaitElection(electionId);
        assertEquals(communityId, recorded.communityId);
        assertEquals("CN-2021", recorded.rulePack);
        assertEquals(5, recorded.seats);
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        UUID electionId = UUID.randomUUID();
        String event = TestEvents.envelope(UUID.randomUUID().toString(), electionId,
                TestEvents.electionCreated(electionId, UUID.randomUUID(), "重复小区"));
        send(electionId, event);
        send(electionId, event);
        UUID marker = UUID.randomUUID();
        // a later event on the same key proves both copies were consumed before we count
        send(electionId, TestEvents.envelope(UUID.randomUUID().toString(), electionId,
                TestEvents.electionCreated(marker, UUID.randomUUID(), "标记")));
        awaitElection(marker);

        long recordings = QuarkusTransaction.requiringNew().call(() -> AuditEntry
                .forSubject("election", electionId.toString()).stream()
                .filter(e -> e.action.equals("election.recorded")).count());
        assertEquals(1, recordings);
    }

    @Test
    void anEventIsAppliedInTheTraceItsWriterSentWithIt() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        UUID electionId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, electionId.toString(), TestEvents.envelope(eventId,
                electionId, TestEvents.electionCreated(electionId, UUID.randomUUID(), "追踪小区")),
                Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01"));
        awaitElection(electionId);
        assertEquals(traceId, traceOf(eventId), "the inbox continued the writer's trace");

        // from a producer that sends no trace headers (before tracing): applied as before, in a trace of its own
        UUID untraced = UUID.randomUUID();
        String untracedEvent = UUID.randomUUID().toString();
        send(untraced, TestEvents.envelope(untracedEvent, untraced,
                TestEvents.electionCreated(untraced, UUID.randomUUID(), "旧事件小区")));
        awaitElection(untraced);
        String own = traceOf(untracedEvent);
        assertTrue(own != null && own.matches("[0-9a-f]{32}") && !own.equals(traceId), own);
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicWithItsReasonAndConsumptionGoesOn() {
        UUID key = UUID.randomUUID();
        send(key, "this is not json " + key);
        send(key, "{\"specversion\":\"1.0\",\"id\":\"" + key + "\",\"type\":\"election.exploded.v9\","
                + "\"source\":\"/x\",\"data\":{}}");
        UUID electionId = UUID.randomUUID();
        send(key, TestEvents.envelope(UUID.randomUUID().toString(), electionId,
                TestEvents.electionCreated(electionId, UUID.randomUUID(), "之后的小区")));

        awaitElection(electionId);
        List<KafkaTopics.Received> dead = KafkaTopics.readAll(bootstrap, DEAD_LETTER, Duration.ofSeconds(2)).stream()
                .filter(r -> key.toString().equals(r.key())).toList();
        assertEquals(2, dead.size(), "both unreadable events are dead-lettered");
        assertTrue(dead.get(0).headers().get("dead-letter-reason").contains("not a CloudEvents JSON envelope"),
                dead.get(0).headers().toString());
        assertTrue(dead.get(1).headers().get("dead-letter-reason").contains("unknown event type election.exploded.v9"),
                dead.get(1).headers().toString());
        assertEquals("this is not json " + key, dead.get(0).value());
    }

    @Test
    void anEventBreakingItsContractIsDeadLettered() {
        UUID key = UUID.randomUUID();
        send(key, "{\"specversion\":\"1.0\",\"id\":\"" + key + "\",\"type\":\"election.created.v1\","
                + "\"source\":\"/x\",\"data\":{\"title\":\"缺字段\"}}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<KafkaTopics.Received> dead = KafkaTopics.readAll(bootstrap, DEAD_LETTER, Duration.ofSeconds(1))
                    .stream().filter(r -> key.toString().equals(r.key())).toList();
            assertEquals(1, dead.size());
            assertTrue(dead.get(0).headers().get("dead-letter-reason").contains("does not match its contract"));
        });
    }

    private void send(UUID key, String value) {
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, key.toString(), value);
    }

    /** The trace this service applied the event in, as its inbox recorded it. */
    private String traceOf(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select trace_id from processed_event where consumer = 'ballot-service' and event_id = ?1")
                .setParameter(1, eventId).getSingleResult());
    }

    private static BallotElection awaitElection(UUID electionId) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> BallotElection.<BallotElection>findById(electionId)),
                e -> e != null);
    }
}
