package org.ownersvote.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.events.Topics;
import org.ownersvote.events.election.ContactsChunk;
import org.ownersvote.events.election.ElectorateDigest;
import org.ownersvote.events.election.ElectoratePublished;
import org.ownersvote.notification.repository.NoticeRepository;
import org.ownersvote.notification.service.ContactBook;
import org.ownersvote.platform.testing.KafkaTopics;
import org.ownersvote.platform.testing.TestEvents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContactBookTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    NoticeRepository notices;

    @Inject
    ContactBook book;

    @Test
    void theContactsOfAnElectionAreKeptOnceAllChunksHaveArrivedIntact() {
        UUID election = UUID.randomUUID();
        List<ContactsChunk.Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            contacts.add(new ContactsChunk.Contact("1号楼", String.valueOf(i), List.of("业主" + i),
                    i % 3 == 0 ? null : "139" + String.format("%08d", i)));
        }
        send(election, new ElectoratePublished(election, UUID.randomUUID(), 1, "CN-2021", 1500, 1500,
                new BigDecimal("1.00"), 1500, 2, "x", 1500, 2, ElectorateDigest.contacts(contacts)));
        send(election, new ContactsChunk(election, UUID.randomUUID(), 1, 1, contacts.subList(1000, 1500)));
        send(election, new ContactsChunk(election, UUID.randomUUID(), 1, 0, contacts.subList(0, 1000)));

        List<ContactsChunk.Contact> kept = await().atMost(Duration.ofSeconds(30)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> book.current(election)), list -> !list.isEmpty());
        assertEquals(contacts, kept);
    }

    @Test
    void anIncompleteListIsNotUsed() {
        UUID election = UUID.randomUUID();
        List<ContactsChunk.Contact> contacts = List.of(new ContactsChunk.Contact("1", "1", List.of("甲"), null),
                new ContactsChunk.Contact("1", "2", List.of("乙"), "13900000000"));
        send(election, new ElectoratePublished(election, UUID.randomUUID(), 1, "CN-2021", 2, 2,
                new BigDecimal("1.00"), 2, 1, "x", 2, 2, ElectorateDigest.contacts(contacts)));
        send(election, new ContactsChunk(election, UUID.randomUUID(), 1, 0, contacts.subList(0, 1)));
        // a later event for the same election shows both were consumed
        UUID marker = UUID.randomUUID();
        send(election, TestEvents.electionCreated(UUID.randomUUID(), marker, "标记"));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> notices.boardSize(marker)) == 1);
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> book.current(election)));
    }

    private void send(UUID election, Record payload) {
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, election.toString(),
                TestEvents.envelope(UUID.randomUUID().toString(), election, payload));
    }
}
