package org.ownersvote.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ownersvote.platform.testing.TestDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

/**
 * Faults with real processes: the suite's four services on a PostgreSQL server this test owns and a broker it can
 * stop. Each test asserts that nothing acknowledged is lost and nothing is applied twice, and that the services
 * recover by themselves.
 */
class FaultsIT {

    private static final Map<String, String> HANDOUT = Map.of("recipientName", "业主", "relation", "OWNER",
            "method", "IN_PERSON");

    private static OwnedPostgres postgres;
    private static Suite suite;
    private static SuiteClient client;

    @BeforeAll
    static void startTheSuiteOnItsOwnDatabaseServer() throws Exception {
        postgres = OwnedPostgres.start();
        Map<String, TestDatabase> databases = new LinkedHashMap<>();
        for (String service : List.of("election-service", "ballot-service", "notification-service")) {
            databases.put(service, TestDatabase.create(postgres.serverUrl(), "fault_" + service.replace("-", "_")));
        }
        // The gateway's database stays on the machine's server: when it shared the restarted server, the gateway's
        // session check refused the burst with 503 before any request reached ballot-service (7 of 120 in one run),
        // and ballot-service's own recovery went untested.
        databases.put("gateway", TestDatabase.create("fault_gateway"));
        suite = Suite.start(databases, "faults");
        client = new SuiteClient(suite);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (suite != null) {
            suite.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /**
     * A building leader's burst of handouts, each with its own Idempotency-Key, while the database server restarts:
     * every handout acknowledged before is there once; every other one is refused or unanswered and, sent again
     * with its key, applied once; every service is ready again without being restarted.
     */
    @Test
    void postgresRestartsDuringABurstOfHandouts() throws Exception {
        SuiteClient.Drill d = client.drillInVoting("数据库重启演练");
        String leader = client.staff(d, "building-leader", List.of("1号楼", "2号楼"));
        List<String> serials = new ArrayList<>();
        for (String building : List.of("1号楼", "2号楼")) {
            serials.addAll(client.api(leader).queryParam("building", building).queryParam("size", 60)
                    .get("/api/elections/" + d.election() + "/ballots").then().statusCode(200).extract()
                    .<List<String>>path("serial"));
        }
        Map<String, Integer> firstAnswers = new ConcurrentHashMap<>();
        ExecutorService leaders = Executors.newFixedThreadPool(4);
        for (String serial : serials) {
            leaders.submit(() -> firstAnswers.put(serial, handout(leader, serial)));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> acknowledged(firstAnswers).size() >= 15);
        postgres.stopServer();
        Thread.sleep(5000);
        postgres.startServer();
        leaders.shutdown();
        assertTrue(leaders.awaitTermination(3, TimeUnit.MINUTES));
        List<String> acknowledged = acknowledged(firstAnswers);
        Map<Integer, Long> byStatus = new TreeMap<>(firstAnswers.values().stream().collect(
                Collectors.groupingBy(s -> s, Collectors.counting())));
        System.out.println("Handouts' first answers around the restart (status=count, -1 no answer): " + byStatus);
        assertTrue(acknowledged.size() < serials.size(), "the restart interrupted the burst: " + firstAnswers);
        // the database away is "try again" (503 with Retry-After), never a user's error nor a 500 "do not repeat"
        firstAnswers.forEach((serial, status) -> assertTrue(status == 200 || status == -1 || status == 503,
                serial + " was answered " + status));
        assertTrue(firstAnswers.containsValue(503), "some handouts met the database away: " + byStatus);

        for (String service : List.of("election-service", "ballot-service", "notification-service", "gateway")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> suite.readiness(service).statusCode() == 200);
        }
        // the leader's phone sends again what was not acknowledged, with the same key; and once more all the rest
        for (String serial : serials) {
            if (!acknowledged.contains(serial)) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> handout(leader, serial) == 200);
            }
        }
        for (String serial : acknowledged) {
            client.api(leader).header("Idempotency-Key", "handout-" + serial).body(HANDOUT)
                    .post("/api/ballots/" + serial + "/handout").then().statusCode(200)
                    .header("Idempotent-Replayed", "true");
        }
        for (String serial : serials) {
            assertEquals(1, client.query("ballot-service",
                    "select count(*) from ballot_step where serial = ? and action = 'HANDOUT'", serial), serial);
        }
        assertEquals(serials.size(), client.query("ballot-service", "select count(*) from ballot where election_id = "
                + "?::uuid and status = 'HANDED_OUT'", d.election()));
        // and their events reach notification-service's copy of the ballots, once each
        await().atMost(Duration.ofSeconds(60)).until(() -> client.query("notification-service", "select count(*) "
                + "from unit_ballot where election_id = ?::uuid and status = 'HANDED_OUT'",
                d.election()) == serials.size());
    }

    /**
     * The broker stopped for 60 s during voting: handouts and a deadline extension are still accepted, readiness
     * stays UP and reports the backlog, and when the broker is back every event is delivered once: the notice
     * board shows the extension once and notification-service's copy of the ballots matches ballot-service's.
     */
    @Test
    void theBrokerIsAwayForAMinuteDuringVoting() throws Exception {
        SuiteClient.Drill d = client.drillInVoting("消息中断演练");
        String leader = client.staff(d, "building-leader", List.of("3号楼"));
        List<String> serials = client.api(leader).queryParam("building", "3号楼").queryParam("size", 20)
                .get("/api/elections/" + d.election() + "/ballots").then().statusCode(200).extract().path("serial");
        await().atMost(Duration.ofSeconds(60)).until(() -> unsent("ballot-service") == 0
                && unsent("election-service") == 0);
        int noticesBefore = notices(d.community());

        Instant stopped = Instant.now();
        suite.broker.stop();
        for (String serial : serials) {
            assertEquals(200, handout(leader, serial), serial);
        }
        client.api(d.workingGroup()).body(Map.of("days", 1, "reason", "演练：消息中断期间延长投票"))
                .post("/api/elections/" + d.election() + "/voting-deadline").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonNode kafka = kafkaCheck(suite.readiness("ballot-service"));
            return kafka != null && kafka.path("data").path("broker").asText().equals("DOWN");
        });
        HttpResponse<String> ready = suite.readiness("ballot-service");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(kafkaCheck(ready).path("data").path("outboxBacklog").asInt() >= serials.size(), ready.body());
        assertEquals(200, suite.readiness("election-service").statusCode());
        long away = Duration.ofSeconds(60).minus(Duration.between(stopped, Instant.now())).toMillis();
        Thread.sleep(Math.max(0, away));
        assertTrue(unsent("ballot-service") >= serials.size(), "the handouts' events waited in the outbox");
        suite.broker.start();

        await().atMost(Duration.ofSeconds(90)).until(() -> unsent("ballot-service") == 0
                && unsent("election-service") == 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> client.query("notification-service", "select count(*) "
                + "from unit_ballot where election_id = ?::uuid and status = 'HANDED_OUT'",
                d.election()) == serials.size());
        await().atMost(Duration.ofSeconds(60)).until(() -> notices(d.community()) == noticesBefore + 1);
        // delivered once: each of the election's step events was processed once by notification-service
        List<String> stepEvents = eventIds("ballot-service", "ballot.step-recorded.v1", d.election());
        assertEquals(serials.size(), stepEvents.size());
        assertEquals(serials.size(), count("notification-service",
                "select count(*) from processed_event where event_id = any(?)", stepEvents));
        Thread.sleep(3000);
        assertEquals(noticesBefore + 1, notices(d.community()), "the extension's notice is on the board once");
        assertEquals(1, client.query("ballot-service", "select count(*) from election e where e.id = ?::uuid and "
                + "e.voting_deadline is not null", d.election()));
    }

    /** The gateway killed (kill -9) and started again: a staff member's session goes on through its refresh token. */
    @Test
    void staffSessionsOutliveTheGateway() throws Exception {
        String admin = client.login("admin", Suite.ADMIN_PASSWORD);
        String community = client.community(admin, "网关重启小区");
        String username = "wg-" + UUID.randomUUID().toString().substring(0, 8);
        client.api(admin).body(Map.of("username", username, "password", "zhenru2026gongzuo", "displayName", "工作组",
                "roles", List.of("working-group"), "communityId", community))
                .post("/api/admin/users").then().statusCode(201);
        var login = given().baseUri(suite.gatewayUrl()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "zhenru2026gongzuo"))
                .post("/api/auth/login").then().statusCode(200).extract();
        String access = login.path("accessToken");
        String refresh = login.path("refreshToken");

        suite.kill("gateway");
        suite.restart("gateway");

        client.api(access).get("/api/communities/" + community).then().statusCode(200);
        var renewed = given().baseUri(suite.gatewayUrl()).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", refresh)).post("/api/auth/refresh").then().statusCode(200).extract();
        client.api(renewed.path("accessToken")).get("/api/communities/" + community).then().statusCode(200)
                .body("id", equalTo(community));
        // the refresh token was used once and replaced: the old one no longer works
        given().baseUri(suite.gatewayUrl()).contentType(ContentType.JSON).body(Map.of("refreshToken", refresh))
                .post("/api/auth/refresh").then().statusCode(401);
    }

    private static int handout(String leader, String serial) {
        try {
            return client.api(leader).header("Idempotency-Key", "handout-" + serial).body(HANDOUT)
                    .post("/api/ballots/" + serial + "/handout").statusCode();
        } catch (RuntimeException noAnswer) {
            return -1;
        }
    }

    private static List<String> acknowledged(Map<String, Integer> answers) {
        return answers.entrySet().stream().filter(e -> e.getValue() == 200).map(Map.Entry::getKey).toList();
    }

    private static JsonNode kafkaCheck(HttpResponse<String> readiness) throws Exception {
        for (JsonNode check : new ObjectMapper().readTree(readiness.body()).path("checks")) {
            if (check.path("name").asText().equals("kafka")) {
                return check;
            }
        }
        return null;
    }

    private static int notices(String community) {
        return given().baseUri(suite.gatewayUrl()).get("/api/communities/" + community + "/notices")
                .then().statusCode(200).extract().<List<Object>>path("items").size();
    }

    private static int unsent(String service) throws Exception {
        return count(service, "select count(*) from outbox_event where sent_at is null", null);
    }

    private static List<String> eventIds(String service, String type, String election) throws Exception {
        try (Connection c = DriverManager.getConnection(suite.databaseUrl(service), "postgres", "");
                PreparedStatement s = c.prepareStatement("select event_id::text from outbox_event "
                        + "where event_type = ? and payload like ?")) {
            s.setString(1, type);
            s.setString(2, "%" + election + "%");
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    private static int count(String service, String sql, List<String> values) throws Exception {
        try (Connection c = DriverManager.getConnection(suite.databaseUrl(service), "postgres", "");
                PreparedStatement s = c.prepareStatement(sql)) {
            if (values != null) {
                Array array = c.createArrayOf("text", values.toArray());
                s.setArray(1, array);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
