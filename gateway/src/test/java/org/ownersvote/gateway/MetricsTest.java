package org.ownersvote.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The gateway's /q/metrics, read from this machine (no metrics token configured): failed logins by scope. */
@QuarkusTest
class MetricsTest {

    @Test
    void aFailedLoginIsCountedWithoutTheNameThatWasTried() {
        String name = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", "not-the-password-9"))
                .header("X-Forwarded-For", "10.201.0.1").post("/api/auth/login").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("ownersvote_logins_failed_total{scope=\"account\"}"))
                .body(containsString("http_server_requests_seconds_count"))
                .body(not(containsString(name)));
    }
}
