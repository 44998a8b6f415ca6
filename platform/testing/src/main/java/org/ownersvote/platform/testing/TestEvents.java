package org.ownersvote.platform.testing;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.ownersvote.events.EventCodec;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.EventType;
import org.ownersvote.events.election.ElectionCreated;

/** Events as a producer would put them on the wire, for consumer tests. */
public final class TestEvents {

    private TestEvents() {
    }

    public static String envelope(String eventId, UUID subject, Record payload) {
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, eventId,
                EventType.of(payload.getClass()).type(), "/test", OffsetDateTime.now(), subject.toString(),
                EventEnvelope.CONTENT_TYPE, "test-" + eventId, EventCodec.mapper().valueToTree(payload));
        return EventCodec.write(envelope);
    }

    public static ElectionCreated electionCreated(UUID electionId, UUID communityId, String communityName) {
        return new ElectionCreated(electionId, communityId, communityName, "第一届业主委员会选举", "CN-2021", 5, 2, 14,
                false);
    }
}
