package org.ownersvote.election;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.ownersvote.platform.audit.AuditEntry;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class CommunityResourceTest {

    @Test
    void adminCreatesACommunityAndTheCreationIsAudited() {
        String id = Api.as(Api.admin())
                .body(Map.of("name", "真如佳苑", "district", "普陀区", "street", "真如镇街道"))
                .post("/api/communities")
                .then().statusCode(201)
                .header("Location", containsString("/api/communities/"))
                .body("name", equalTo("真如佳苑"))
                .extract().path("id");

        long audited = QuarkusTransaction.requiringNew().call(() -> AuditEntry.forSubject("community", id).stream()
                .filter(e -> e.action.equals("community.created") && e.actor.equals("admin")).count());
        assertEquals(1, audited);
    }

    @Test
    void shouldRefuseCommunityCreationByAWorkingGroup() {
        long before = QuarkusTransaction.requiringNew().call(() -> Community.count());
        Api.as(Api.workingGroup(UUID.randomUUID()))
                .body(Map.of("name", "x", "district", "y", "street", "z"))
                .post("/api/communities")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        assertEquals(before, (long) QuarkusTransaction.requiringNew().call(() -> Community.count()));
    }

    @Test
    void shouldAnswer401WithoutToken() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "district", "y", "street", "z"))
                .post("/api/communities")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ownersvote:problem:unauthenticated"));
    }

    @Test
    void shouldListEveryInvalidFieldAsA422Problem() {
        Api.as(Api.admin())
                .body(Map.of("name", " ", "district", "普陀区"))
                .post("/api/communities")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ownersvote:problem:invalid-request"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("street"))
                .body("requestId", notNullValue());
    }

    @Test
    void shouldRefuseMalformedJsonWithAProblem() {
        Api.as(Api.admin()).body("{\"name\": \"x\",")
                .post("/api/communities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ownersvote:problem:malformed-json"));
    }

    @Test
    void shouldRefuseAnUnknownField() {
        Api.as(Api.admin())
                .body(Map.of("name", "x", "district", "y", "street", "z", "id", UUID.randomUUID().toString()))
                .post("/api/communities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ownersvote:problem:unknown-field"))
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void shouldRefuseAWrongTypeWithTheFieldNamed() {
        Api.as(Api.admin())
                .body("{\"name\": [1,2], \"district\": \"y\", \"street\": \"z\"}")
                .post("/api/communities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void staffOfAnotherCommunityGet403AndStaffOfItsOwnSeeIt() {
        UUID mine = Api.createCommunity("甲小区");
        UUID other = Api.createCommunity("乙小区");
        Api.as(Api.workingGroup(mine)).get("/api/communities/" + mine).then().statusCode(200)
                .body("id", equalTo(mine.toString()));
        Api.as(Api.workingGroup(mine)).get("/api/communities/" + other).then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(TestTokens.as("street", Roles.STREET_OFFICE).oversees(other).token())
                .get("/api/communities/" + other).then().statusCode(200);
        Api.as(TestTokens.as("street", Roles.STREET_OFFICE).oversees(other).token())
                .get("/api/communities/" + mine).then().statusCode(403);
    }

    @Test
    void anyoneFindsACommunityPageByItsShortCodeInAnyCaseAndNothingAboutOwners() {
        UUID id = Api.createCommunity("短码小区");
        UUID election = Api.createElection(id);
        String code = Api.as(Api.admin()).get("/api/communities/" + id).then().statusCode(200)
                .extract().path("shortCode");
        Assertions.assertTrue(code.matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}"), code);
        given().get("/api/communities/by-code/" + code.toLowerCase()).then().statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("name", equalTo("短码小区"))
                .body("shortCode", equalTo(code))
                .body("elections[0].id", equalTo(election.toString()))
                .body("elections[0].phase", equalTo("DRAFT"))
                .body("$", Matchers.not(Matchers.hasKey("createdBy")));
    }

    @Test
    void anUnknownShortCodeIs404InTheCallersLanguage() {
        given().header("Accept-Language", "zh-CN,zh;q=0.9").get("/api/communities/by-code/ZZZZZZ")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("未找到"))
                .body("detail", equalTo("小区页面 ZZZZZZ 不存在"));
        given().get("/api/communities/by-code/ZZZZZZ").then().statusCode(404)
                .body("detail", equalTo("Community page ZZZZZZ does not exist"));
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownCommunity() {
        Api.as(Api.admin()).get("/api/communities/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ownersvote:problem:not-found"));
    }

    @Test
    void shouldAnswerUnknownPathsAndMethodsWithProblems() {
        Api.as(Api.admin()).get("/api/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(Api.admin()).delete("/api/communities").then().statusCode(405)
                .contentType("application/problem+json");
        Api.as(Api.admin()).contentType("text/plain").body("x").post("/api/communities").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void shouldEchoTheRequestIdOrCreateOne() {
        Api.as(Api.admin()).header("X-Request-Id", "abc-123").get("/api/communities/" + UUID.randomUUID())
                .then().header("X-Request-Id", "abc-123").body("requestId", equalTo("abc-123"));
        Api.as(Api.admin()).get("/api/communities/" + UUID.randomUUID())
                .then().header("X-Request-Id", notNullValue());
    }
}
