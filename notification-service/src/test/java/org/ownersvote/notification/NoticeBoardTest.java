package org.ownersvote.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.events.Topics;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.notification.repository.NoticeRepository;
import org.ownersvote.platform.testing.KafkaTopics;
import org.ownersvote.platform.testing.TestEvents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class NoticeBoardTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    NoticeRepository notices;

    @Test
    void anElectionStartNoticeAppearsOnThePublicBoard() {
        UUID community = UUID.randomUUID();
        UUID election = UUID.randomUUID();
        send(election, TestEvents.envelope(UUID.randomUUID().toString(), election,
                TestEvents.electionCreated(election, community, "真如佳苑")));

        awaitNotices(community, 1);
        given().get("/api/communities/" + community + "/notices")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].kind", equalTo("ELECTION_STARTED"))
                .body("items[0].electionId", equalTo(election.toString()))
                .body("items[0].title", equalTo("真如佳苑业主委员会选举工作启动公告"))
                .body("items[0].drill", equalTo(false));
    }

    @Test
    void aRedeliveredEventPostsOneNotice() {
        UUID community = UUID.randomUUID();
        UUID election = UUID.randomUUID();
        String event = TestEvents.envelope(UUID.randomUUID().toString(), election,
                TestEvents.electionCreated(election, community, "重复小区"));
        send(election, event);
        send(election, event);
        // a later event for the same key proves both copies were consumed before we count
        UUID marker = UUID.randomUUID();
        send(election, TestEvents.envelope(UUID.randomUUID().toString(), election,
                TestEvents.electionCreated(UUID.randomUUID(), marker, "标记")));
        awaitNotices(marker, 1);

        given().get("/api/communities/" + community + "/notices").then().body("total", equalTo(1));
    }

    @Test
    void aDrillElectionsNoticeIsMarkedAsADrill() {
        UUID community = UUID.randomUUID();
        UUID election = UUID.randomUUID();
        send(election, TestEvents.envelope(UUID.randomUUID().toString(), election,
                new ElectionCreated(election, community, "演练小区", "新人培训", "SH-2020", 5, 0, 14, true)));
        awaitNotices(community, 1);
        given().get("/api/communities/" + community + "/notices")
                .then().body("items[0].drill", equalTo(true))
                .body("items[0].title", startsWith("【演练】"))
                .body("items[0].body", startsWith("【演练】"));
    }

    @Test
    void theBoardIsPagedNewestFirstAndThePageSizeIsBounded() {
        UUID community = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            UUID election = UUID.randomUUID();
            send(election, TestEvents.envelope(UUID.randomUUID().toString(), election,
                    TestEvents.electionCreated(election, community, "小区" + i)));
        }
        awaitNotices(community, 3);
        given().queryParam("size", 2).get("/api/communities/" + community + "/notices")
                .then().statusCode(200).body("items", hasSize(2)).body("total", equalTo(3));
        given().queryParam("size", 2).queryParam("page", 1).get("/api/communities/" + community + "/notices")
                .then().statusCode(200).body("items", hasSize(1));
        given().queryParam("size", 101).get("/api/communities/" + community + "/notices")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void anUnreadableEventIsDeadLetteredAndTheBoardKeepsWorking() {
        UUID key = UUID.randomUUID();
        send(key, "{\"broken\": " + key);
        UUID community = UUID.randomUUID();
        UUID election = UUID.randomUUID();
        send(election, TestEvents.envelope(UUID.randomUUID().toString(), election,
                TestEvents.electionCreated(election, community, "之后")));
        awaitNotices(community, 1);
        List<KafkaTopics.Received> dead = KafkaTopics.readAll(bootstrap, "notification-service.dead-letter",
                Duration.ofSeconds(2)).stream().filter(r -> key.toString().equals(r.key())).toList();
        assertEquals(1, dead.size());
        assertTrue(dead.get(0).headers().get("dead-letter-reason").contains("not a CloudEvents JSON envelope"));
    }

    @Test
    void anUnknownCommunityHasAnEmptyBoardAndABadIdIsAProblem() {
        given().get("/api/communities/" + UUID.randomUUID() + "/notices")
                .then().statusCode(200).body("total", equalTo(0));
        given().get("/api/communities/not-a-uuid/notices")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private void send(UUID key, String value) {
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, key.toString(), value);
    }

    private void awaitNotices(UUID community, long count) {
        await().atMost(Duration.ofSeconds(30)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> notices.boardSize(community)), n -> n >= count);
    }
}
