package org.ownersvote.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway's own calls to the services (REST clients): the request's X-Request-Id goes along, and a service that
 * cannot be reached is the same 503 problem it always was. The owner-credentials check is in {@link OwnerLoginTest},
 * the election lookups in the staff tests.
 */
@QuarkusTest
class ServiceCallsTest {

    @Test
    void aServicesApiDocumentIsFetchedWithTheRequestId() {
        given().header("X-Request-Id", "docs-1").get("/api/docs/election-service").then().statusCode(200)
                .header("X-Request-Id", "docs-1")
                .body("service", equalTo("election-service"))
                .body("path", equalTo("/q/openapi"))
                .body("method", equalTo("GET"))
                .body("requestId", equalTo("docs-1"));
    }

    @Test
    void aReadWhoseConnectionWasLostIsAskedOnceMore() {
        UUID election = UUID.fromString("dddddddd" + UUID.randomUUID().toString().substring(8));
        String wg = Logins.workingGroup(ElectionOwners.communityOf(election));
        given().auth().oauth2(wg).get("/api/elections/" + election + "/staff").then().statusCode(200);
        assertEquals(2, ElectionOwners.asked(election), "the first request lost its connection, the second answered");
    }

    @Test
    void aServiceThatIsDownGivesItsDocumentProblem() {
        // notification-service's address has no server (EchoUpstreams): tried twice, then the caller is told
        given().get("/api/docs/notification-service").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ownersvote:problem:service-unavailable"))
                .body("detail", equalTo("The notification service did not give its API document; try again shortly"));
    }
}
