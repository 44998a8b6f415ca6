package org.ownersvote.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.platform.testing.TestTokens;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What the platform gives every service, checked in a real one: browser protections on every answer, a 400 naming a
 * query parameter that does not convert, and a problem body with a 413.
 */
@QuarkusTest
class PlatformAnswersTest {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        given().get("/api/communities/" + UUID.randomUUID() + "/notices").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void aQueryParameterThatDoesNotConvertIs400NamingIt() {
        given().get("/api/communities/" + UUID.randomUUID() + "/notices?page=abc").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
        UUID community = UUID.randomUUID();
        given().auth().oauth2(TestTokens.as("wg", "working-group").community(community).token())
                .get("/api/elections/" + UUID.randomUUID() + "/messages?status=NOPE").then().statusCode(400)
                .body("type", equalTo("urn:ownersvote:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("'NOPE' is not one of"));
    }

    @Test
    void aBodyOverTheLimitGetsA413Problem() {
        UUID community = UUID.randomUUID();
        given().auth().oauth2(TestTokens.as("wg", "working-group").community(community).token())
                .contentType(ContentType.JSON).body(new byte[(int) limit.asLongValue() + 1])
                .put("/api/elections/" + UUID.randomUUID() + "/messages/recipients").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ownersvote:problem:body-too-large"));
    }
}
