package org.ownersvote.notification.messages;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.ConfigProvider;
import org.ownersvote.events.Topics;
import org.ownersvote.events.ballot.BallotStepRecorded;
import org.ownersvote.events.election.BallotCandidate;
import org.ownersvote.events.election.ContactsChunk;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.events.election.ElectorateDigest;
import org.ownersvote.events.election.ElectoratePublished;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.notification.Message;
import org.ownersvote.notification.NoticeElection;
import org.ownersvote.notification.service.ContactBook;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.KafkaTopics;
import org.ownersvote.platform.testing.TestEvents;
import org.ownersvote.platform.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;

/** An election with its contacts as the events bring them, and the working group's token for it. */
record MessageFixture(UUID community, UUID election, List<ContactsChunk.Contact> contacts) {

    static MessageFixture create(ContactBook book, List<ContactsChunk.Contact> contacts) {
        UUID community = UUID.randomUUID();
        UUID election = UUID.randomUUID();
        MessageFixture f = new MessageFixture(community, election, contacts);
        f.send(new ElectionCreated(election, community, "真如佳苑", "第三届业主委员会选举", "SH-2020", 5, 0, 14, false));
        f.send(new ElectoratePublished(election, community, 1, "SH-2020", contacts.size(), contacts.size(),
                new BigDecimal("100.00"), contacts.size(), 1, "x", contacts.size(), 1,
                ElectorateDigest.contacts(contacts)));
        f.send(new ContactsChunk(election, community, 1, 0, contacts));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> NoticeElection.findById(election) != null
                        && book.current(election).size() == contacts.size()));
        return f;
    }

    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static ContactsChunk.Contact unit(String building, String unit, String phone) {
        return new ContactsChunk.Contact(building, unit, List.of("业主" + unit), phone);
    }

    String workingGroup() {
        return TestTokens.as("wg-" + community, Roles.WORKING_GROUP).community(community).token();
    }

    void recipients(Map<String, Object> body) {
        given().auth().oauth2(workingGroup()).contentType(ContentType.JSON).body(body)
                .put("/api/elections/" + election + "/messages/recipients").then().statusCode(200);
    }

    /** Voting opens with the deadline given; returns the event's envelope, to deliver it again. */
    String openVoting(OffsetDateTime deadline) {
        String envelope = TestEvents.envelope(UUID.randomUUID().toString(), election, new VotingOpened(election,
                community, "SH-2020", 5, 0, deadline, 1,
                List.of(new BallotCandidate(UUID.randomUUID(), 1, "丁一", "1号楼", "101", "")), List.of(), false));
        KafkaTopics.send(bootstrap(), Topics.ELECTION_EVENTS, election.toString(), envelope);
        return envelope;
    }

    void deliverAgain(String envelope) {
        KafkaTopics.send(bootstrap(), Topics.ELECTION_EVENTS, election.toString(), envelope);
    }

    void step(ContactsChunk.Contact unit, String action, String reason) {
        KafkaTopics.send(bootstrap(), Topics.BALLOT_EVENTS, election.toString(), TestEvents.envelope(
                UUID.randomUUID().toString(), election, new BallotStepRecorded(election, "S-" + unit.unit(),
                        unit.building(), unit.unit(), action, action, OffsetDateTime.now(ZoneOffset.UTC), reason,
                        null)));
    }

    void send(Record payload) {
        KafkaTopics.send(bootstrap(), Topics.ELECTION_EVENTS, election.toString(),
                TestEvents.envelope(UUID.randomUUID().toString(), election, payload));
    }

    List<Message> messages() {
        return QuarkusTransaction.requiringNew().call(() -> Message.<Message>list("electionId", election));
    }

    List<Message> messages(Message.Purpose purpose) {
        return messages().stream().filter(m -> m.purpose == purpose).toList();
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
