package org.ownersvote.election;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.ownersvote.events.Topics;
import org.ownersvote.events.ballot.TallyFinalized;
import org.ownersvote.platform.testing.KafkaTopics;
import org.ownersvote.platform.testing.ServiceTestResources;
import org.ownersvote.platform.testing.TestEvents;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class HealthAndDocumentationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void readyWhenTheDatabaseAndKafkaAnswer() {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().get("/q/health/ready").then().log().ifValidationFails().statusCode(200)
                        .body("status", equalTo("UP"))
                        .body("checks.name", hasItem("kafka"))
                        .body("checks.name", hasItem("Database connections health check"))
                        .body("checks.find { it.name == 'kafka' }.data.broker", equalTo("UP"))
                        .body("checks.find { it.name == 'kafka' }.data.brokers", equalTo(1))
                        .body("checks.find { it.name == 'kafka' }.data.database", equalTo("UP")));
    }

    /**
     * Issue 19 item 6: a broker outage alone does not take the service out of its Service (writes go to the outbox);
     * readiness reports the broker DOWN, the backlog and the age of the oldest waiting event, and fails only once the
     * outage outlasts ownersvote.readiness.broker-outage-grace (8 s in the tests, 10 minutes by default). Liveness is
     * unaffected throughout.
     */
    @Test
    void readyWhileKafkaIsDownUntilTheOutageOutlastsTheGraceAndAliveThroughout() {
        UUID community = Api.createCommunity("断网就绪小区");
        ServiceTestResources.Broker.stop();
        try {
            Api.as(Api.workingGroup(community)).body(Api.electionBody(community)).post("/api/elections")
                    .then().statusCode(201);
            Instant written = Instant.now(); // its event was written before this
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> given().get("/q/health/ready").then().log().ifValidationFails().statusCode(200)
                            .body("status", equalTo("UP"))
                            .body("checks.find { it.name == 'kafka' }.data.broker", equalTo("DOWN"))
                            .body("checks.find { it.name == 'kafka' }.data.database", equalTo("UP"))
                            .body("checks.find { it.name == 'kafka' }.data.outboxBacklog", greaterThanOrEqualTo(1))
                            .body("checks.find { it.name == 'kafka' }.data.brokerOutageGraceSeconds", equalTo(8)));
            given().get("/q/health/live").then().statusCode(200);

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> given().get("/q/health/ready").then().log().ifValidationFails().statusCode(503)
                            .body("checks.find { it.name == 'kafka' }.status", equalTo("DOWN"))
                            .body("checks.find { it.name == 'kafka' }.data.broker", equalTo("DOWN"))
                            .body("checks.find { it.name == 'kafka' }.data.brokerUnreachableSeconds",
                                    greaterThanOrEqualTo(8)));
            // the election's event is still waiting, and its age is counted from when it was written
            int waited = (int) Duration.between(written, Instant.now()).toSeconds();
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'kafka' }.data.outboxBacklog", greaterThanOrEqualTo(1))
                    .body("checks.find { it.name == 'kafka' }.data.oldestUnsentAgeSeconds",
                            greaterThanOrEqualTo(Math.max(1, waited)));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            ServiceTestResources.Broker.start();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> given().get("/q/health/ready").then().log().ifValidationFails().statusCode(200)
                        .body("checks.find { it.name == 'kafka' }.data.broker", equalTo("UP"))
                        .body("checks.find { it.name == 'kafka' }.data.outboxBacklog", equalTo(0))
                        .body("checks.find { it.name == 'kafka' }.data.oldestUnsentAgeSeconds", equalTo(0)));

        // and the consumer goes on after the restart: an event for an unknown election reaches the dead-letter topic
        UUID unknown = UUID.randomUUID();
        KafkaTopics.send(bootstrap, Topics.BALLOT_RESULTS, unknown.toString(), TestEvents.envelope(
                UUID.randomUUID().toString(), unknown,
                new TallyFinalized(unknown, true, "h", OffsetDateTime.now(), null)));
        await().atMost(Duration.ofSeconds(60)).until(() -> KafkaTopics.readAll(bootstrap,
                "election-service.dead-letter",
                Duration.ofSeconds(1)).stream().anyMatch(
                        r -> unknown.toString().equals(r.key())
                                && r.headers().get("dead-letter-reason").contains("final tally for unknown election")));
        // and the operator sees it counted, next to the outbox figures
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("ownersvote_inbox_dead_letters_total{consumer=\"election-service\","
                        + "reason=\"unreadable\"}"))
                .body(containsString("ownersvote_outbox_backlog"));
    }

    @Test
    void publishesItsOpenApiDocumentWithTheBearerScheme() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", Matchers.hasKey("/api/elections"))
                .body("paths", Matchers.hasKey("/api/communities"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                // the Idempotency-Key header, once, and named on every POST/PUT (docs/architecture/idempotency.md)
                .body("components.parameters.IdempotencyKey.name", equalTo("Idempotency-Key"))
                .body("components.parameters.IdempotencyKey.in", equalTo("header"))
                .body("paths.'/api/elections/{eid}/nominations'.post.parameters.'$ref'",
                        Matchers.hasItem("#/components/parameters/IdempotencyKey"))
                .body("paths.'/api/communities/{cid}/roster'.put.parameters.'$ref'",
                        Matchers.hasItem("#/components/parameters/IdempotencyKey"))
                .body("paths.'/api/elections/{eid}'.get.parameters.'$ref'",
                        Matchers.not(Matchers.hasItem(
                                "#/components/parameters/IdempotencyKey")));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void everyOperationHasItsOwnIdAndTheServerIsTheAddressTheDocumentCameFrom() {
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("/", document.getString("servers[0].url"));
        List<String> ids = new ArrayList<>();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> op && !method.equals("parameters")) {
                Object id = op.get("operationId");
                assertTrue(id instanceof String && !((String) id).isBlank(),
                        method + " " + path + " has no operationId");
                ids.add((String) id);
            }
        }));
        assertTrue(ids.size() > 10, "operations found: " + ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "operationIds are unique: " + ids);
        assertTrue(ids.contains("ElectionResource_transition"), ids.toString());
    }

    /**
     * Issue 21 item 5: every operation is documented for an integrator: a summary, a tag described once, its security
     * (the bearer scheme, or an explicit empty list for a public one), and each error answer as a problem detail with
     * the Problem schema and an example (platform ProblemDocumentation adds the common ones by what the operation has).
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryATagItsSecurityAndItsProblems() {
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Set<String> described = new HashSet<>();
        for (Map<String, Object> tag : document.<Map<String, Object>>getList("tags")) {
            assertTrue(tag.get("description") instanceof String d && !d.isBlank(), tag + " has a description");
            described.add((String) tag.get("name"));
        }
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, value) -> {
            Map<String, Object> operation = (Map<String, Object>) value;
            String name = method + " " + path;
            assertTrue(operation.get("summary") instanceof String s && !s.isBlank(), name + " has a summary");
            List<String> tags = (List<String>) operation.get("tags");
            assertTrue(tags != null && described.containsAll(tags) && !tags.isEmpty(), name + " has a described tag");
            assertTrue(operation.containsKey("security"), name + " says what security it needs");
            boolean secured = !((List<?>) operation.get("security")).isEmpty();
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            assertEquals(secured, responses.containsKey("401"), name + ": 401 exactly when a token is needed");
            assertTrue(responses.keySet().stream().anyMatch(code -> code.startsWith("4")), name + " has a 4xx");
            responses.forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    Map<String, Object> problem = (Map<String, Object>) ((Map<String, Object>) response.get("content"))
                            .get("application/problem+json");
                    assertEquals("#/components/schemas/Problem",
                            ((Map<String, Object>) problem.get("schema")).get("$ref"), name + " " + code);
                    assertEquals(Integer.valueOf(code),
                            ((Map<String, Object>) problem.get("example")).get("status"), name + " " + code);
                }
            });
        }));
        assertEquals(List.of(), document.getList("paths.'/api/communities/by-code/{code}'.get.security"),
                "the public page is marked public");
        // the bearer token, with the roles that may call (from @RolesAllowed)
        assertEquals(List.of(Map.of("bearer", List.of("working-group"))),
                document.getList("paths.'/api/elections/{eid}/transitions'.post.security"));
        String conflict = document.getString(
                "paths.'/api/elections/{eid}/transitions'.post.responses.'409'.description");
        assertTrue(conflict.contains("transition-refused") && conflict.contains("idempotency-key-in-use"), conflict);
        assertEquals("urn:ownersvote:problem:transition-refused", document.getString(
                "paths.'/api/elections/{eid}/transitions'.post.responses.'409'.content.'application/problem+json'"
                        + ".example.type"));
        assertEquals(List.of("type", "title", "status"), document.getList("components.schemas.Problem.required"));
    }
}
