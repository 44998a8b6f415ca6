package org.ownersvote.election;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.events.Topics;
import org.ownersvote.events.ballot.TallyFinalized;
import org.ownersvote.platform.testing.KafkaTopics;
import org.ownersvote.platform.testing.TestEvents;
import org.ownersvote.platform.testing.ServiceTestResources;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndDocumentationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void readyWhenTheDatabaseAndKafkaAnswer() {
        given().get("/q/health/ready").then().log().ifValidationFails().statusCode(200)
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
        given().get("/q/health/ready").then().log().ifValidationFails().statusCode(200);

        // and the consumer goes on after the restart: an event for an unknown election reaches the dead-letter topic
        UUID unknown = UUID.randomUUID();
        KafkaTopics.send(bootstrap, Topics.BALLOT_EVENTS, unknown.toString(), TestEvents.envelope(
                UUID.randomUUID().toString(), unknown, new TallyFinalized(unknown, true, "h", OffsetDateTime.now(), null)));
        await().atMost(Duration.ofSeconds(60)).until(() -> KafkaTopics.readAll(bootstrap, "election-service.dead-letter",
                Duration.ofSeconds(1)).stream().anyMatch(r -> unknown.toString().equals(r.key())
                        && r.headers().get("dead-letter-reason").contains("final tally for unknown election")));
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
