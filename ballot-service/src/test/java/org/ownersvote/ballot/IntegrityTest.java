package org.ownersvote.ballot;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ownersvote.ballot.VotingFixture.as;
import static org.ownersvote.ballot.VotingFixture.handout;
import static org.ownersvote.ballot.VotingFixture.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.domain.SerialNumbers;
import org.ownersvote.ballot.repository.BallotRepository;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The red team's findings in ballot-service (issue 15), each pinned: what must be refused, and how. */
@QuarkusTest
class IntegrityTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    BallotRepository ballots;

    @Test
    void controlAndInvisibleCharactersInARecipientsNameAreRefusedNotA500() {
        VotingFixture v = VotingFixture.open(bootstrap);
        String serial = v.firstBallot("1号楼");
        for (String name : new String[] { "张\u0000三", "张三\u202E", "张\u200B三", "张三\u00AD" }) {
            as(v.leader()).body(Map.of("recipientName", name, "relation", "OWNER", "method", "IN_PERSON"))
                    .post("/api/ballots/" + serial + "/handout").then().statusCode(422)
                    .body("errors[0].field", containsString("recipientName"));
        }
        assertEquals(BallotStatus.ISSUED, status(serial), "a refused step changes nothing");
    }

    @Test
    void aBallotOutsideTheCallersScopeIsAnsweredAsIfItDidNotExist() {
        VotingFixture v = VotingFixture.open(bootstrap);
        VotingFixture other = VotingFixture.open(bootstrap);
        String foreign = other.firstBallot("1号楼");
        String secondBuilding = v.firstBallot("2号楼");
        String missing = SerialNumbers.serial(v.election(), 99_999); // well formed, never issued
        String notFound = as(v.workingGroup()).get("/api/ballots/" + missing + "/status").then().statusCode(404)
                .extract().path("title");
        as(v.workingGroup()).get("/api/ballots/" + foreign + "/status").then().statusCode(404)
                .body("title", equalTo(notFound))
                .body("detail", not(containsString(other.community().toString())));
        handout(v.leader(), foreign).then().statusCode(404);
        handout(v.leader(), secondBuilding).then().statusCode(404); // another building of the leader's election
        assertEquals(BallotStatus.ISSUED, status(foreign));
        assertEquals(BallotStatus.ISSUED, status(secondBuilding));
        // an election id outside the caller's scope: refused without repeating the id or naming a community
        as(v.workingGroup()).get("/api/elections/" + other.election() + "/ballots/progress").then().statusCode(403)
                .body("detail", not(containsString(other.community().toString())))
                .body("detail", not(containsString(other.election().toString())));
    }

    @Test
    void theProvisionalTallyIsForbiddenToSignedInOutsidersAndNeedsSignInForAnonymousOnes() {
        VotingFixture v = VotingFixture.open(bootstrap);
        as(v.leader()).get("/api/elections/" + v.election() + "/tally").then().statusCode(403);
        RestAssured.given().get("/api/elections/" + v.election() + "/tally").then().statusCode(401);
    }

    @Test
    void noBallotIsVoidedOrReissuedOnceVotingClosed() {
        VotingFixture v = VotingFixture.open(bootstrap);
        String serial = v.firstBallot("1号楼");
        handout(v.leader(), serial).then().statusCode(200);
        v.send(new PhaseChanged(v.election(), v.community(), "VOTING", "COUNTING", OffsetDateTime.now(), false,
                null, "投票结束"));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> BallotElection.<BallotElection>findById(v.election()).phase.equals("COUNTING")));
        long live = QuarkusTransaction.requiringNew().call(() -> ballots.live(v.election()));
        as(v.workingGroup()).body(Map.of("reason", "遗失")).post("/api/ballots/" + serial + "/void").then()
                .statusCode(409).body("detail", containsString("voided or reissued"));
        assertEquals(BallotStatus.HANDED_OUT, status(serial));
        assertEquals(live, (long) QuarkusTransaction.requiringNew().call(() -> ballots.live(v.election())),
                "no replacement was issued");
    }

    @Test
    void aLowerCaseSerialIsTheSameSerial() {
        VotingFixture v = VotingFixture.open(bootstrap);
        String serial = v.firstBallot("1号楼");
        handout(v.leader(), serial.toLowerCase()).then().statusCode(200).body("serial", equalTo(serial));
        String otherCommunitysWorkingGroup = TestTokens.as("wg-x", Roles.WORKING_GROUP).community(UUID.randomUUID())
                .token();
        as(otherCommunitysWorkingGroup).get("/api/ballots/" + serial + "/status").then().statusCode(404);
    }
}
