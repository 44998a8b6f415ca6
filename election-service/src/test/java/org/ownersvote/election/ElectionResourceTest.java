package org.ownersvote.election;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.ownersvote.platform.outbox.OutboxEvent;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ElectionResourceTest {

    @Test
    void workingGroupCreatesADraftElectionInItsCommunity() {
        UUID community = Api.createCommunity("真如佳苑");
        Api.as(Api.workingGroup(community)).body(Api.electionBody(community))
                .post("/api/elections")
                .then().statusCode(201)
                .body("phase", equalTo("DRAFT"))
                .body("rulePack", equalTo("CN-2021"))
                .body("seats", equalTo(5))
                .body("alternates", equalTo(2))
                .body("drill", equalTo(false));
    }

    @Test
    void shouldRefuseAnElectionForAnotherCommunityAndPublishNothing() {
        UUID mine = Api.createCommunity("甲");
        UUID other = Api.createCommunity("乙");
        long outboxBefore = outboxSize();
        Api.as(Api.workingGroup(mine)).body(Api.electionBody(other))
                .post("/api/elections")
                .then().statusCode(403)
                .contentType("application/problem+json");
        assertEquals(outboxBefore, outboxSize());
    }

    @Test
    void shouldRefuseElectionCreationByOtherRoles() {
        UUID community = Api.createCommunity("丙");
        for (String role : new String[] { Roles.ADMIN, Roles.STREET_OFFICE, Roles.BUILDING_LEADER, Roles.COUNTER,
                Roles.SCRUTINEER, Roles.OWNER }) {
            Api.as(TestTokens.as("someone", role).community(community).oversees(community).token())
                    .body(Api.electionBody(community))
                    .post("/api/elections")
                    .then().statusCode(403);
        }
    }

    @Test
    void shouldRefuseAnEvenCommitteeWithTheRuleNamed() {
        UUID community = Api.createCommunity("丁");
        Map<String, Object> body = new HashMap<>(Api.electionBody(community));
        body.put("seats", 6);
        long outboxBefore = outboxSize();
        Api.as(Api.workingGroup(community)).body(body)
                .post("/api/elections")
                .then().statusCode(422)
                .body("errors.field", hasItem("seats"))
                .body("errors.message", hasItem("seats must be an odd number"));
        assertEquals(outboxBefore, outboxSize());
    }

    @Test
    void shouldRefuseAnUnknownRulePack() {
        UUID community = Api.createCommunity("戊");
        Map<String, Object> body = new HashMap<>(Api.electionBody(community));
        body.put("rulePack", "BJ-2099");
        Api.as(Api.workingGroup(community)).body(body)
                .post("/api/elections")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("rulePack"));
    }

    @Test
    void shouldRefuseMoreVotingDaysThanThePacksLongestVotingPeriod() {
        UUID community = Api.createCommunity("辛");
        Map<String, Object> body = new HashMap<>(Api.electionBody(community));
        body.put("votingDays", 61);
        long outboxBefore = outboxSize();
        Api.as(Api.workingGroup(community)).body(body)
                .post("/api/elections")
                .then().statusCode(422)
                .body("type", equalTo("urn:ownersvote:problem:invalid-request"))
                .body("errors[0].field", equalTo("votingDays"))
                .body("errors[0].code", equalTo("election.voting-too-long"))
                .body("errors[0].message",
                        equalTo("Voting may last at most 60 days under the national rules (CN-2021)"));
        assertEquals(outboxBefore, outboxSize(), "a refused election is not announced");
        // the bound itself is allowed
        body.put("votingDays", 60);
        Api.as(Api.workingGroup(community)).body(body)
                .post("/api/elections")
                .then().statusCode(201)
                .body("votingDays", equalTo(60));
    }

    @Test
    void shouldRefuseAnElectionForACommunityThatDoesNotExist() {
        UUID missing = UUID.randomUUID();
        Api.as(Api.workingGroup(missing)).body(Api.electionBody(missing))
                .post("/api/elections")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("communityId"));
    }

    @Test
    void staffSeeOnlyElectionsInTheirScope() {
        UUID community = Api.createCommunity("己");
        UUID election = Api.createElection(community);
        Api.as(Api.workingGroup(community)).get("/api/elections/" + election).then().statusCode(200)
                .body("id", equalTo(election.toString()));
        Api.as(TestTokens.as("leader", Roles.BUILDING_LEADER).community(community).election(election)
                .buildings("1号楼").token()).get("/api/elections/" + election).then().statusCode(200);
        Api.as(TestTokens.as("leader", Roles.BUILDING_LEADER).community(community).election(UUID.randomUUID())
                .token()).get("/api/elections/" + election).then().statusCode(403);
        Api.as(Api.workingGroup(UUID.randomUUID())).get("/api/elections/" + election).then().statusCode(403);
        Api.as(TestTokens.as("owner", Roles.OWNER).community(community).election(election).token())
                .get("/api/elections/" + election).then().statusCode(403);
    }

    @Test
    void aWorkingGroupListsItsCommunitysElectionsNewestFirstAndNoOtherCommunitys() {
        UUID community = Api.createCommunity("庚");
        UUID first = Api.createElection(community);
        UUID second = Api.createElection(community);
        Api.as(Api.workingGroup(community)).get("/api/communities/" + community + "/elections").then()
                .statusCode(200)
                .body("id", Matchers.contains(second.toString(), first.toString()))
                .body("[0].phase", equalTo("DRAFT"));
        Api.as(Api.workingGroup(UUID.randomUUID())).get("/api/communities/" + community + "/elections").then()
                .statusCode(403);
        Api.as(TestTokens.as("counter", Roles.COUNTER).community(community).token())
                .get("/api/communities/" + community + "/elections").then().statusCode(403);
        Api.as(Api.admin()).get("/api/communities/" + UUID.randomUUID() + "/elections").then().statusCode(404);
    }

    private static long outboxSize() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
    }
}
