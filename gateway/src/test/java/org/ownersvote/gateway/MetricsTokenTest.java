package org.ownersvote.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With a metrics token configured, the gateway's /q/metrics answer only Prometheus's bearer token. */
@QuarkusTest
@TestProfile(MetricsTokenTest.WithToken.class)
class MetricsTokenTest {

    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ownersvote.gateway.metrics-token", "scrape-secret-of-enough-length");
        }
    }

    @Test
    void withoutTheTokenOrWithAnotherTheMetricsAreRefused() {
        given().get("/q/metrics").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("another-token").get("/q/metrics").then().statusCode(401);
    }

    @Test
    void withTheTokenTheyAreRead() {
        given().auth().oauth2("scrape-secret-of-enough-length").get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }
}
