package org.ownersvote.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ProxyRoutesTest {

    @Test
    void routesEachPathToItsServiceWithTheTokenAndRequestId() {
        String token = Logins.admin();
        given().auth().oauth2(token).header("X-Request-Id", "route-1")
                .get("/api/communities/c1")
                .then().statusCode(200)
                .header("X-Request-Id", "route-1")
                .body("service", equalTo("election-service"))
                .body("path", equalTo("/api/communities/c1"))
                .body("authorization", equalTo("Bearer " + token))
                .body("requestId", equalTo("route-1"));
        given().auth().oauth2(token).get("/api/elections/e1/ballots/progress")
                .then().statusCode(200).body("service", equalTo("ballot-service"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"丢失\"}")
                .post("/api/ballots/S1/void")
                .then().statusCode(200).body("service", equalTo("ballot-service")).body("method", equalTo("POST"))
                .body("bodyLength", equalTo("{\"reason\":\"丢失\"}".length()));
    }

    @Test
    void createsARequestIdWhenTheCallerSendsNoneAndPassesItOn() {
        Response response = given().get("/api/elections/e1");
        String created = response.header("X-Request-Id");
        assertNotNull(created);
        assertEquals(created, response.then().statusCode(200).extract().path("requestId"));
    }

    @Test
    void theServiceContinuesTheCallersTraceThroughTheGatewaysOwnSpan() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        List<String> forwarded = given().header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .get("/api/elections/e1").then().statusCode(200).extract().path("traceparents");
        assertEquals(1, forwarded.size(), "one traceparent reaches the service: " + forwarded);
        String[] parts = forwarded.get(0).split("-");
        assertEquals(traceId, parts[1], "the caller's trace");
        assertNotEquals(callerSpan, parts[2], "the gateway's span of the request, under the caller's");

        List<String> started = given().get("/api/elections/e1").then().statusCode(200).extract().path("traceparents");
        assertEquals(1, started.size(), "without a caller's trace the gateway starts one: " + started);
        assertTrue(started.get(0).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"), started.get(0));
        assertNotEquals(traceId, started.get(0).split("-")[1]);
    }

    @Test
    void aBadTokenIsRefusedAtTheGatewayAndNeverReachesTheService() {
        int before = received("election-service");
        given().auth().oauth2(TestTokens.as("admin", Roles.ADMIN).expiredSecondsAgo(60).token())
                .get("/api/communities/c1")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(TestTokens.as("admin", Roles.ADMIN).signedWithForeignKey().token())
                .get("/api/communities/c1")
                .then().statusCode(401);
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/communities/c1")
                .then().statusCode(401);
        assertEquals(before, received("election-service"));
    }

    @Test
    void aServiceThatIsDownGivesA503Problem() {
        given().get("/api/communities/c1/notices")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:ownersvote:problem:service-unavailable"));
    }

    @Test
    void pathsNotInNormalFormAreRefused() {
        given().urlEncodingEnabled(false).get("/api/ballots/../admin/users")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownApiPathsGetA404Problem() {
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    private static int received(String service) {
        String key = "ownersvote.gateway." + service;
        String base = ConfigProvider.getConfig().getValue(key, String.class);
        return given().baseUri(base).port(-1).get("/__received").then().extract().path("count");
    }
}
