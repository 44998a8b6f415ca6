package org.ownersvote.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.events.EventCodec;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.EventType;
import org.ownersvote.events.Topics;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.platform.outbox.Outbox;
import org.ownersvote.platform.outbox.OutboxEvent;
import org.ownersvote.platform.testing.KafkaTopics;
import org.ownersvote.platform.testing.ServiceTestResources;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutboxTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Outbox outbox;

    @Test
    void electionCreatedReachesKafkaAsACloudEventWithTheRequestId() {
        UUID community = Api.createCommunity("真如佳苑");
        String electionId = Api.as(Api.workingGroup(community)).header("X-Request-Id", "req-outbox-1")
                .body(Api.electionBody(community)).post("/api/elections")
                .then().statusCode(201).extract().path("id");

        EventEnvelope event = awaitEvents(electionId, 1).get(0);
        assertEquals(EventType.ELECTION_CREATED.type(), event.type());
        assertEquals("/election-service", event.source());
        assertEquals(electionId, event.subject());
        assertEquals("req-outbox-1", event.correlationid());
        ElectionCreated payload = EventCodec.readPayload(event, ElectionCreated.class);
        assertEquals(community, payload.communityId());
        assertEquals("真如佳苑", payload.communityName());
        assertEquals(5, payload.seats());
    }

    @Test
    void theRequestsTraceTravelsWithItsEventAsTheTraceparentHeader() {
        String traceId = "5c3a2b1f0e9d8c7b6a5f4e3d2c1b0a99";
        String callerSpan = "1a2b3c4d5e6f7081";
        UUID community = Api.createCommunity("追踪佳苑");
        String electionId = Api.as(Api.workingGroup(community))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Api.electionBody(community)).post("/api/elections")
                .then().statusCode(201).extract().path("id");

        awaitEvents(electionId, 1);
        KafkaTopics.Received record = KafkaTopics.readAll(bootstrap, Topics.ELECTION_EVENTS, Duration.ofSeconds(1))
                .stream().filter(r -> electionId.equals(r.key())).findFirst().orElseThrow();
        String traceparent = record.headers().get("traceparent");
        assertTrue(traceparent != null && traceparent.startsWith("00-" + traceId + "-"), record.headers().toString());
        assertFalse(traceparent.contains(callerSpan), "the service's own span of the request: " + traceparent);
        assertEquals(traceparent,
                QuarkusTransaction.requiringNew()
                        .call(() -> OutboxEvent.<OutboxEvent>find("recordKey", electionId).firstResult().traceParent),
                "the header is the trace context the outbox row kept");
    }

    @Test
    void withTheBrokerStoppedTheElectionIsStillCreatedAndItsEventArrivesOnceWhenTheBrokerIsBack() {
        UUID community = Api.createCommunity("断网小区");
        ServiceTestResources.Broker.stop();
        String electionId;
        try {
            electionId = Api.as(Api.workingGroup(community)).body(Api.electionBody(community))
                    .post("/api/elections").then().statusCode(201).extract().path("id");
            long waiting = QuarkusTransaction.requiringNew()
                    .call(() -> OutboxEvent.count("recordKey = ?1 and sentAt is null", electionId));
            assertEquals(1, waiting, "the event waits in the outbox while Kafka is down");
        } finally {
            ServiceTestResources.Broker.start();
        }
        List<EventEnvelope> events = awaitEvents(electionId, 1);
        assertEquals(1, events.size(), "the event arrives exactly once");
        assertEquals(1, QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.count("recordKey = ?1 and sentAt is not null", electionId)));
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        UUID electionId = UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(electionId, new ElectionCreated(electionId, UUID.randomUUID(), "x", "x", "CN-2021", 5, 0,
                    14, false));
            throw new IllegalStateException("the change fails after the event was written");
        }));
        assertEquals(0,
                QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("recordKey", electionId.toString())));
        assertTrue(KafkaTopics.readAll(bootstrap, Topics.ELECTION_EVENTS, Duration.ofSeconds(2)).stream()
                .noneMatch(r -> electionId.toString().equals(r.key())));
    }

    /** Waits until the election's events have stopped arriving, then returns them all. */
    private List<EventEnvelope> awaitEvents(String electionId, int atLeast) {
        long deadline = System.currentTimeMillis() + 60_000;
        List<EventEnvelope> events = List.of();
        while (System.currentTimeMillis() < deadline) {
            events = KafkaTopics.readAll(bootstrap, Topics.ELECTION_EVENTS, Duration.ofSeconds(2)).stream()
                    .filter(r -> electionId.equals(r.key()))
                    .map(r -> EventCodec.readEnvelope(r.value()))
                    .toList();
            if (events.size() >= atLeast) {
                return events;
            }
        }
        throw new AssertionError("no event for election " + electionId + " within 60 s; saw " + events.size());
    }
}
