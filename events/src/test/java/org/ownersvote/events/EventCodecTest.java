package org.ownersvote.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ownersvote.events.election.ElectionCreated;

class EventCodecTest {

    private final ElectionCreated payload = new ElectionCreated(UUID.randomUUID(), UUID.randomUUID(), "真如佳苑",
            "第三届业委会选举", "SH-2020", 7, 2, 14, false);

    @Test
    void envelopeAndPayloadSurviveTheWire() {
        EventEnvelope sent = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(),
                EventType.ELECTION_CREATED.type(), "/election-service", OffsetDateTime.now(),
                payload.electionId().toString(), EventEnvelope.CONTENT_TYPE, "req-1",
                EventCodec.mapper().valueToTree(payload));

        EventEnvelope received = EventCodec.readEnvelope(EventCodec.write(sent));

        assertEquals(sent.id(), received.id());
        assertEquals("req-1", received.correlationid());
        assertEquals(payload, EventCodec.readPayload(received, ElectionCreated.class));
    }

    @Test
    void refusesTextThatIsNotAnEnvelope() {
        UnreadableEventException e = assertThrows(UnreadableEventException.class,
                () -> EventCodec.readEnvelope("{not json"));
        assertTrue(e.getMessage().startsWith("not a CloudEvents JSON envelope"), e.getMessage());
    }

    @Test
    void refusesAnEnvelopeWithoutId() {
        String json = "{\"specversion\":\"1.0\",\"type\":\"election.created.v1\",\"source\":\"/x\",\"data\":{}}";
        assertEquals("id is missing", assertThrows(UnreadableEventException.class,
                () -> EventCodec.readEnvelope(json)).getMessage());
    }

    @Test
    void refusesAPayloadMissingARequiredField() {
        String json = "{\"specversion\":\"1.0\",\"id\":\"1\",\"type\":\"election.created.v1\",\"source\":\"/x\","
                + "\"data\":{\"communityId\":\"" + UUID.randomUUID()
                + "\",\"title\":\"t\",\"rulePack\":\"CN-2021\",\"seats\":5,\"alternates\":0,\"votingDays\":14,\"drill\":false}}";
        EventEnvelope envelope = EventCodec.readEnvelope(json);
        UnreadableEventException e = assertThrows(UnreadableEventException.class,
                () -> EventCodec.readPayload(envelope, ElectionCreated.class));
        assertTrue(e.getMessage().contains("electionId is required"), e.getMessage());
    }
}
