package org.ownersvote.ballot;

import static org.ownersvote.ballot.VotingFixture.as;
import static org.ownersvote.ballot.VotingFixture.handout;
import static org.ownersvote.ballot.VotingFixture.returned;
import static org.ownersvote.ballot.VotingFixture.status;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.events.Topics;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.platform.outbox.OutboxEvent;
import org.ownersvote.platform.testing.KafkaTopics;
import org.ownersvote.platform.testing.TestEvents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

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
        handout(v.leader(), org.ownersvote.ballot.domain.SerialNumbers.serial(UUID.randomUUID(), 99999)).then()
                .statusCode(404);
    }

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
