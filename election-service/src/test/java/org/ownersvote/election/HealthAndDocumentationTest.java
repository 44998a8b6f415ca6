package org.ownersvote.election;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;
import org.ownersvote.platform.testing.ServiceTestResources;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndDocumentationTest {

    @Test
    void readyWhenTheDatabaseAndKafkaAnswer() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("kafka"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void notReadyWhileKafkaIsDownButStillAlive() {
        ServiceTestResources.Broker.stop();
        try {
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'kafka' }.status", equalTo("DOWN"));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            ServiceTestResources.Broker.start();
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void publishesItsOpenApiDocumentWithTheBearerScheme() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/elections"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/communities"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
