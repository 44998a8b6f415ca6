package org.ownersvote.platform.testing;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.ownersvote.events.EventCodec;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.EventType;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.events.election.ElectorateChunk;
import org.ownersvote.events.election.ElectorateDigest;
import org.ownersvote.events.election.ElectoratePublished;

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

    /** A published electorate of {@code units} units: the summary first, then its chunks, hashes consistent. */
    public static List<Record> electorate(UUID electionId, int version, int units) {
        List<String[]> named = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            named.add(new String[] { (i / 100 + 1) + "号楼", String.valueOf(1000 + i) });
        }
        return electorate(electionId, version, named);
    }

    /** The same, for the units given as {building, unit}, in that order (every tenth a parking space). */
    public static List<Record> electorate(UUID electionId, int version, List<String[]> named) {
        int units = named.size();
        List<ElectorateChunk.Unit> all = new ArrayList<>();
        BigDecimal area = BigDecimal.ZERO.setScale(2);
        int counted = 0;
        Set<String> persons = new HashSet<>();
        for (int i = 0; i < units; i++) {
            boolean parking = i % 10 == 9;
            ElectorateChunk.Unit unit = new ElectorateChunk.Unit(named.get(i)[0], named.get(i)[1],
                    parking ? "parking" : "residence", new BigDecimal(50 + i % 7 + ".25"), !parking, "k" + i / 2);
            all.add(unit);
            if (unit.counted()) {
                counted++;
                area = area.add(unit.area());
                persons.add(unit.personKey());
            }
        }
        int chunks = ElectorateDigest.chunkCount(units);
        List<Record> events = new ArrayList<>();
        events.add(new ElectoratePublished(electionId, UUID.randomUUID(), version, "CN-2021", units, counted, area,
                persons.size(), chunks, ElectorateDigest.units(all), 0, 1, ElectorateDigest.contacts(List.of())));
        for (int c = 0; c < chunks; c++) {
            int from = c * ElectorateDigest.CHUNK_SIZE;
            events.add(new ElectorateChunk(electionId, version, c,
                    all.subList(from, Math.min(units, from + ElectorateDigest.CHUNK_SIZE))));
        }
        return events;
    }

    public static ElectionCreated electionCreated(UUID electionId, UUID communityId, String communityName) {
        return new ElectionCreated(electionId, communityId, communityName, "第一届业主委员会选举", "CN-2021", 5, 2, 14,
                false);
    }
}
