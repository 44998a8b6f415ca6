package org.ownersvote.ballot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.ballot.repository.ElectorateRepository;
import org.ownersvote.events.Topics;
import org.ownersvote.events.election.ElectorateChunk;
import org.ownersvote.platform.audit.AuditEntry;
import org.ownersvote.platform.testing.KafkaTopics;
import org.ownersvote.platform.testing.TestEvents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ElectorateStoreTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ElectorateRepository electorate;

    @Test
    void anElectorateInChunksIsCompleteWhenEveryChunkHasArrivedAndTheHashMatches() {
        UUID election = UUID.randomUUID();
        List<Record> events = TestEvents.electorate(election, 1, 2500);
        // chunks may come before the summary, and twice: neither matters
        send(election, events.get(3));
        send(election, events.get(1));
        send(election, events.get(1));
        send(election, events.get(0));
        assertFalse(awaitVersion(election).complete, "one chunk of three is still missing");
        send(election, events.get(2));

        ElectorateVersion complete = await().atMost(Duration.ofSeconds(30)).until(() -> version(election),
                v -> v != null && v.complete);
        assertEquals(2500, complete.units);
        assertEquals(2250, complete.countedUnits);
        assertEquals(
                QuarkusTransaction.requiringNew().call(() -> electorate.current(election).orElseThrow().version),
                1);
    }

    @Test
    void aTamperedChunkNeverMakesTheElectorateComplete() {
        UUID election = UUID.randomUUID();
        List<Record> events = TestEvents.electorate(election, 1, 1200);
        ElectorateChunk second = (ElectorateChunk) events.get(2);
        List<ElectorateChunk.Unit> units = new ArrayList<>(second.units());
        ElectorateChunk.Unit first = units.get(0);
        units.set(0, new ElectorateChunk.Unit(first.building(), first.unit(), first.kind(),
                first.area().add(new BigDecimal("0.01")), first.counted(), first.personKey()));
        send(election, events.get(0));
        send(election, events.get(1));
        send(election, new ElectorateChunk(election, 1, 1, units));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                        .call(() -> AuditEntry.forSubject("election", election.toString()).stream()
                                .anyMatch(e -> e.action.equals("electorate.mismatch"))));
        assertFalse(version(election).complete);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> electorate.current(election).isEmpty()));
    }

    private void send(UUID election, Record payload) {
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, election.toString(),
                TestEvents.envelope(UUID.randomUUID().toString(), election, payload));
    }

    private ElectorateVersion awaitVersion(UUID election) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> version(election), v -> v != null);
    }

    private ElectorateVersion version(UUID election) {
        return QuarkusTransaction.requiringNew().call(() -> electorate.of(election, 1).orElse(null));
    }
}
