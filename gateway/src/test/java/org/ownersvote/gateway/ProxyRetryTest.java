package org.ownersvote.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A service that drops the connection before answering: the gateway sends a read, or a write with an
 * Idempotency-Key, once more (the service would replay its first answer to the key); a write without a key never,
 * since the gateway cannot know whether it was applied. Once is all: a service that drops both gets a 503. The first
 * attempt rides a pooled connection, the second a connection of its own, which no other request can close under it.
 */
@QuarkusTest
class ProxyRetryTest {

    private static final String BODY = "{\"recipientName\":\"王五\"}";

    @Test
    void aWriteWithAKeyIsSentOnceMoreWithTheSameBody() {
        given().header("Idempotency-Key", "k-1").contentType(ContentType.JSON).body(BODY)
                .post("/api/elections/flaky/keyed/fail1")
                .then().statusCode(200).body("attempt", equalTo(2)).body("body", equalTo(BODY.replace("\"", "'")));
        attempts("keyed", 2, 1);
    }

    @Test
    void aReadIsSentOnceMore() {
        given().get("/api/elections/flaky/read/fail1").then().statusCode(200).body("attempt", equalTo(2));
        attempts("read", 2, 1);
    }

    @Test
    void aWriteWithoutAKeyIsNeverRepeated() {
        given().header("Accept-Language", "zh-CN").contentType(ContentType.JSON).body(BODY)
                .post("/api/elections/flaky/unkeyed/fail1")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5");
        attempts("unkeyed", 1, 1);
        given().contentType(ContentType.JSON).body(BODY).put("/api/elections/flaky/unkeyed-put/fail1")
                .then().statusCode(503);
        attempts("unkeyed-put", 1, 1);
    }

    @Test
    void aSecondFailureIsAnsweredWith503AndNotTriedAThirdTime() {
        given().header("Idempotency-Key", "k-2").contentType(ContentType.JSON).body(BODY)
                .post("/api/elections/flaky/twice/fail2")
                .then().statusCode(503).contentType("application/problem+json");
        attempts("twice", 2, 1);
    }

    /** How many attempts reached the service for {@code id}, and how many of them on a connection of their own. */
    private static void attempts(String id, int expected, int onOwnConnections) {
        given().get("/api/elections/flaky/" + id + "/count").then().statusCode(200).body("attempts", equalTo(expected))
                .body("ownConnections", equalTo(onOwnConnections));
    }
}
