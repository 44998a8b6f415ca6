package org.ownersvote.ballot;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.ownersvote.ballot.VotingFixture.as;
import static org.ownersvote.ballot.VotingFixture.handout;
import static org.ownersvote.ballot.VotingFixture.returned;
import static org.ownersvote.ballot.VotingFixture.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.domain.SerialNumbers;
import org.ownersvote.events.Topics;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.platform.outbox.OutboxEvent;
import org.ownersvote.platform.testing.KafkaTopics;
import org.ownersvote.platform.testing.TestEvents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class BallotLedgerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aBallotIsHandedOutAndReturnedOnceEachAndEveryStepIsRecorded() {
        VotingFixture v = votingOpen();
        String serial = firstBallot(v, "1号楼");
        handout(v.leader(), serial).then().statusCode(200).body("status", equalTo("HANDED_OUT"));
        handout(v.leader(), serial).then().statusCode(409).body("detail", containsString("already handed out"));
        returned(v.leader(), serial, null).then().statusCode(200).body("status", equalTo("RETURNED"));
        returned(v.leader(), serial, null).then().statusCode(409).body("detail", containsString("already returned"));
        as(v.workingGroup()).body(Map.of("reason", "污损")).post("/api/ballots/" + serial + "/void")
                .then().statusCode(409).body("detail", containsString("a returned ballot cannot be voided"));
        long steps = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "recordKey = ?1 and eventType = 'ballot.step-recorded.v1'", v.election().toString()));
        assertEquals(2, steps, "one event per recorded step, none for refused ones");
    }

    @Test
    void aBuildingLeaderCannotTouchAnotherBuildingsBallot() {
        VotingFixture v = votingOpen();
        String other = firstBallot(v, "2号楼");
        // answered as a serial that does not exist: serials are sequential, a 403 would confirm this one exists
        handout(v.leader(), other).then().statusCode(404).contentType("application/problem+json");
        as(v.leader()).queryParam("building", "2号楼").get("/api/elections/" + v.election() + "/ballots")
                .then().statusCode(403);
        assertEquals(BallotStatus.ISSUED, status(other));
    }

    @Test
    void aReturnNeverRecordedAsHandedOutNeedsTheWorkingGroupWithAReason() {
        VotingFixture v = votingOpen();
        String serial = firstBallot(v, "1号楼");
        returned(v.leader(), serial, null).then().statusCode(409);
        returned(v.workingGroup(), serial, null).then().statusCode(409);
        returned(v.workingGroup(), serial, "业主本人投入票箱，未经楼组长").then().statusCode(200);
    }

    @Test
    void anUndeliverableBallotCanBeHandedOutWhenTheOwnerTurnsUp() {
        VotingFixture v = votingOpen();
        String serial = firstBallot(v, "1号楼");
        as(v.leader()).body(Map.of("reason", "VACANT")).post("/api/ballots/" + serial + "/undeliverable")
                .then().statusCode(200).body("status", equalTo("UNDELIVERABLE"));
        handout(v.leader(), serial).then().statusCode(200);
    }

    @Test
    void aVoidedBallotIsReplacedAndRefusedFromThenOn() {
        VotingFixture v = votingOpen();
        String serial = firstBallot(v, "1号楼");
        as(v.leader()).body(Map.of("reason", "遗失")).post("/api/ballots/" + serial + "/void").then().statusCode(403);
        String replacement = as(v.workingGroup()).body(Map.of("reason", "业主遗失选票"))
                .post("/api/ballots/" + serial + "/void").then().statusCode(200)
                .body("voidedSerial", equalTo(serial)).extract().path("replacementSerial");
        handout(v.leader(), serial).then().statusCode(409).body("detail", containsString("voided"));
        handout(v.leader(), replacement).then().statusCode(200);
        as(v.workingGroup()).queryParam("status", "HANDED_OUT").get("/api/elections/" + v.election() + "/ballots")
                .then().statusCode(200).body("replacesSerial", everyItem(equalTo(serial)));
    }

    @Test
    void progressCountsEachBuildingsBallotsByState() {
        VotingFixture v = votingOpen();
        String serial = firstBallot(v, "1号楼");
        handout(v.leader(), serial).then().statusCode(200);
        as(v.leader()).get("/api/elections/" + v.election() + "/ballots/progress").then().statusCode(200)
                .body("buildings[0].building", equalTo("1号楼"))
                .body("buildings[0].units", equalTo(90))
                .body("buildings[0].handedOut", equalTo(1))
                .body("buildings[0].issued", equalTo(89));
    }

    @Test
    void aLeadersWorklistShowsWhatIsLeftToHandOutAndToCollect() {
        VotingFixture v = votingOpen();
        String serial = firstBallot(v, "1号楼");
        handout(v.leader(), serial).then().statusCode(200);
        as(v.leader()).queryParam("building", "1号楼").get("/api/elections/" + v.election() + "/ballots/worklist")
                .then().statusCode(200)
                .body("toVisit.size()", equalTo(89))
                .body("toCollect.serial", equalTo(List.of(serial)));
        as(v.leader()).queryParam("building", "2号楼").get("/api/elections/" + v.election() + "/ballots/worklist")
                .then().statusCode(403);
    }

    @Test
    void nothingIsHandedOutOnceCountingBegins() {
        VotingFixture v = votingOpen();
        String serial = firstBallot(v, "1号楼");
        send(v.election(), new PhaseChanged(v.election(), v.community(), "VOTING", "COUNTING", OffsetDateTime.now(),
                false, OffsetDateTime.now().plusDays(14), "全部收回"));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> BallotElection.<BallotElection>findById(v.election()).phase.equals("COUNTING")));
        handout(v.leader(), serial).then().statusCode(409).body("detail", containsString("voting is closed"));
    }

    @Test
    void aSerialWithAWrongCheckDigitOrUnknownIsAProblem() {
        VotingFixture v = votingOpen();
        handout(v.leader(), "ABCDEF-000010").then().statusCode(422).body("errors[0].field", equalTo("serial"));
        handout(v.leader(), SerialNumbers.serial(UUID.randomUUID(), 99999)).then()
                .statusCode(404);
    }

    @Test
    void aRefusedStepIsSaidInTheCallersLanguageWithTheBallotsStatusInWords() {
        VotingFixture v = votingOpen();
        String serial = firstBallot(v, "1号楼");
        handout(v.leader(), serial).then().statusCode(200);
        Map<String, Object> handout = Map.of("recipientName", "张三", "relation", "OWNER", "method", "IN_PERSON");
        as(v.leader()).header("Accept-Language", ZH).body(handout).post("/api/ballots/" + serial + "/handout").then()
                .statusCode(409)
                .body("title", equalTo("未能登记"))
                .body("detail", equalTo("选票 " + serial + "：这张选票已经发放"));
        handout(v.leader(), serial).then().statusCode(409)
                .body("title", equalTo("Step not recorded"))
                .body("detail", equalTo(serial + ": this ballot was already handed out"));
        // the status is named in words, never as HANDED_OUT
        String undeliverable = "/api/ballots/" + serial + "/undeliverable";
        as(v.leader()).header("Accept-Language", ZH).body(Map.of("reason", "VACANT")).post(undeliverable).then()
                .statusCode(409)
                .body("detail", equalTo("选票 " + serial + "：只有还没发放的选票才能登记为无法送达（这张选票目前：已发放）"));
        as(v.leader()).body(Map.of("reason", "VACANT")).post(undeliverable).then().statusCode(409)
                .body("detail", equalTo(serial + ": only a ballot that was not handed out yet can be marked "
                        + "undeliverable (this one is handed out)"));
    }

    @Test
    void aWrongFieldIsSaidInTheCallersLanguageWithAStableCode() {
        VotingFixture v = votingOpen();
        String list = "/api/elections/" + v.election() + "/ballots";
        as(v.leader()).header("Accept-Language", ZH).get(list).then().statusCode(422)
                .body("title", equalTo("提交的内容有误"))
                .body("detail", equalTo("楼长每次查看自己负责的一栋楼的选票，请先选择楼栋"))
                .body("errors[0].field", equalTo("building"))
                .body("errors[0].code", equalTo("scope.building-leader-needs-building"))
                .body("errors[0].message", equalTo("楼长每次查看自己负责的一栋楼的选票，请先选择楼栋"));
        as(v.leader()).get(list).then().statusCode(422)
                .body("title", equalTo("Invalid request"))
                .body("errors[0].code", equalTo("scope.building-leader-needs-building"))
                .body("errors[0].message", equalTo("A building leader lists the ballots of one of their buildings at "
                        + "a time: choose the building"));
        Map<String, Object> handout = Map.of("recipientName", "张三", "relation", "OWNER", "method", "IN_PERSON");
        as(v.leader()).header("Accept-Language", ZH).body(handout).post("/api/ballots/ABCDEF-000010/handout").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("serial"))
                .body("errors[0].code", equalTo("serial.malformed"))
                .body("errors[0].message", equalTo("“ABCDEF-000010”不是有效的选票编号（请核对最后一位）"));
        handout(v.leader(), "ABCDEF-000010").then().statusCode(422)
                .body("errors[0].code", equalTo("serial.malformed"))
                .body("errors[0].message", equalTo("'ABCDEF-000010' is not a ballot serial (check the last digit)"));
        String serial = firstBallot(v, "1号楼");
        Map<String, Object> tomorrow = Map.of("recipientName", "张三", "relation", "OWNER", "method", "IN_PERSON",
                "at", OffsetDateTime.now().plusDays(1).toString());
        as(v.leader()).header("Accept-Language", ZH).body(tomorrow).post("/api/ballots/" + serial + "/handout")
                .then().statusCode(422)
                .body("detail", equalTo("填写的时间晚于现在，请核对日期和时间"))
                .body("errors[0].field", equalTo("at"))
                .body("errors[0].code", equalTo("step.at-in-future"))
                .body("errors[0].message", equalTo("填写的时间晚于现在，请核对日期和时间"));
        as(v.leader()).body(tomorrow).post("/api/ballots/" + serial + "/handout").then().statusCode(422)
                .body("errors[0].message", equalTo("The time given lies in the future; check the date and time"));
    }

    @Test
    void aStepDatedBeforeVotingOpenedIsRefused() {
        VotingFixture v = votingOpen();
        String serial = firstBallot(v, "1号楼");
        OffsetDateTime opened = QuarkusTransaction.requiringNew().call(
                () -> BallotElection.<BallotElection>findById(v.election()).votingOpenedAt);
        Map<String, Object> early = Map.of("recipientName", "张三", "relation", "OWNER", "method", "IN_PERSON",
                "at", opened.minusMinutes(1).toString());
        as(v.leader()).body(early).post("/api/ballots/" + serial + "/handout").then().statusCode(422)
                .body("type", equalTo("urn:ownersvote:problem:invalid-request"))
                .body("detail", equalTo("The time given lies before voting opened at " + beijing(opened)
                        + "; check the date and time"))
                .body("errors[0].field", equalTo("at"))
                .body("errors[0].code", equalTo("step.at-before-opening"));
        assertEquals(0, steps(serial));
        assertEquals(BallotStatus.ISSUED, status(serial));
        // the instant voting opened is no longer before it
        Map<String, Object> atOpening = Map.of("recipientName", "张三", "relation", "OWNER", "method", "IN_PERSON",
                "at", opened.toString());
        as(v.leader()).body(atOpening).post("/api/ballots/" + serial + "/handout").then().statusCode(200)
                .body("status", equalTo("HANDED_OUT"));
    }

    /** A moment as messages write it in English: "18:05 on 14 December 2026, Beijing time". */
    private static String beijing(OffsetDateTime at) {
        return DateTimeFormatter.ofPattern("HH:mm 'on' d MMMM yyyy", Locale.ENGLISH)
                .format(at.atZoneSameInstant(ZoneId.of("Asia/Shanghai"))) + ", Beijing time";
    }

    // --- Idempotency-Key (docs/architecture/idempotency.md): one key, one effect and one event; the first answer
    // again, byte for byte; the key refused for another request; a refusal keeps the key free.

    private static final Map<String, Object> KEYED_HANDOUT = Map.of("recipientName", "张三", "relation", "OWNER",
            "method", "IN_PERSON");

    @Test
    void aHandoutSentTwiceWithOneKeyIsRecordedOnceAndAnsweredAgainByteForByte() {
        VotingFixture v = VotingFixture.open(bootstrap);
        String serial = v.firstBallot("1号楼");
        String key = UUID.randomUUID().toString();
        Response first = keyedHandout(v.leader(), serial, key, KEYED_HANDOUT);
        first.then().statusCode(200).body("status", equalTo("HANDED_OUT"));
        assertNull(first.header("Idempotent-Replayed"), "the first answer is not a replay");
        Response again = keyedHandout(v.leader(), serial, key, KEYED_HANDOUT);
        again.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertArrayEquals(first.asByteArray(), again.asByteArray(), "the first answer, byte for byte");
        assertEquals(first.contentType(), again.contentType());
        assertEquals(1, steps(serial), "one step recorded");
        assertEquals(1, idempotencyEvents(v.election()), "one event in the outbox: a replay writes none");
        // without the key the same request is a new one, and refused as a second handout always was
        VotingFixture.handout(v.leader(), serial).then().statusCode(409);
    }

    @Test
    void theSameKeyForAnotherBodyOrBallotIsRefusedAndChangesNothing() {
        VotingFixture v = VotingFixture.open(bootstrap);
        List<String> serials = as(v.workingGroup()).queryParam("building", "1号楼").queryParam("size", 2)
                .get("/api/elections/" + v.election() + "/ballots").then().statusCode(200).extract().path("serial");
        String key = UUID.randomUUID().toString();
        keyedHandout(v.leader(), serials.get(0), key, KEYED_HANDOUT).then().statusCode(200);
        Map<String, Object> otherBody = Map.of("recipientName", "李四", "relation", "FAMILY", "method", "IN_PERSON");
        as(v.leader()).header("Idempotency-Key", key).header("Accept-Language", "zh-CN").body(otherBody)
                .post("/api/ballots/" + serials.get(0) + "/handout").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ownersvote:problem:idempotency-key-reused"))
                .body("title", equalTo("幂等键已被使用"));
        keyedHandout(v.leader(), serials.get(1), key, KEYED_HANDOUT).then().statusCode(422)
                .body("type", equalTo("urn:ownersvote:problem:idempotency-key-reused"))
                .body("detail", equalTo("This Idempotency-Key was already used for a different request (another "
                        + "method, address or body); nothing was changed. Use a new key for a new request"));
        assertEquals(1, steps(serials.get(0)));
        assertEquals(BallotStatus.ISSUED, VotingFixture.status(serials.get(1)), "the other ballot is untouched");
        assertEquals(1, idempotencyEvents(v.election()));
    }

    @Test
    void aRefusedRequestLeavesTheKeyFreeForTheCorrectedOne() {
        VotingFixture v = VotingFixture.open(bootstrap);
        String serial = v.firstBallot("1号楼");
        String key = UUID.randomUUID().toString();
        // a time in the future is refused (422) and nothing is recorded
        Map<String, Object> tomorrow = Map.of("recipientName", "张三", "relation", "OWNER", "method", "IN_PERSON",
                "at", OffsetDateTime.now().plusDays(1).toString());
        keyedHandout(v.leader(), serial, key, tomorrow).then().statusCode(422);
        assertEquals(0, steps(serial));
        Response corrected = keyedHandout(v.leader(), serial, key, KEYED_HANDOUT);
        corrected.then().statusCode(200).body("status", equalTo("HANDED_OUT"));
        assertNull(corrected.header("Idempotent-Replayed"), "applied, not replayed");
        assertEquals(1, steps(serial));

        // a 409 too: the ballot is now handed out; a second handout under a fresh key is refused and keeps no key
        String second = UUID.randomUUID().toString();
        keyedHandout(v.leader(), serial, second, KEYED_HANDOUT).then().statusCode(409);
        as(v.leader()).header("Idempotency-Key", second).body(Map.of("channel", "BALLOT_BOX"))
                .post("/api/ballots/" + serial + "/return").then().statusCode(200).body("status", equalTo("RETURNED"));
        assertEquals(2, steps(serial));
    }

    @Test
    void twoConcurrentRequestsWithOneKeyHaveOneEffect() throws Exception {
        VotingFixture v = VotingFixture.open(bootstrap);
        String serial = v.firstBallot("1号楼");
        String key = UUID.randomUUID().toString();
        int parallel = 4;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return keyedHandout(v.leader(), serial, key, KEYED_HANDOUT);
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
            long replayed = responses.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).count();
            for (Response r : responses) {
                r.then().statusCode(200);
                assertArrayEquals(responses.get(0).asByteArray(), r.asByteArray());
            }
            assertEquals(parallel - 1, replayed, "one applied, the others waited and got its answer");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, steps(serial));
        assertEquals(1, idempotencyEvents(v.election()));
    }

    @Test
    void aKeyThatIsNotPrintableAsciiIsRefused() {
        VotingFixture v = VotingFixture.open(bootstrap);
        String serial = v.firstBallot("1号楼");
        keyedHandout(v.leader(), serial, "x".repeat(101), KEYED_HANDOUT).then().statusCode(400)
                .body("type", equalTo("urn:ownersvote:problem:idempotency-key-invalid"));
        assertEquals(0, steps(serial));
    }

    static Response keyedHandout(String token, String serial, String key, Map<String, Object> body) {
        return as(token).header("Idempotency-Key", key).body(body).post("/api/ballots/" + serial + "/handout");
    }

    static long steps(String serial) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Ballot.getEntityManager()
                .createNativeQuery("select count(*) from ballot_step where serial = ?1").setParameter(1, serial)
                .getSingleResult()).longValue());
    }

    static long idempotencyEvents(UUID election) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "recordKey = ?1 and eventType = 'ballot.step-recorded.v1'", election.toString()));
    }

    static final String ZH = "zh-CN,zh;q=0.9";

    private VotingFixture votingOpen() {
        return VotingFixture.open(bootstrap);
    }

    private static String firstBallot(VotingFixture v, String building) {
        return v.firstBallot(building);
    }

    private void send(UUID election, Record payload) {
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, election.toString(),
                TestEvents.envelope(UUID.randomUUID().toString(), election, payload));
    }
}
