package org.ownersvote.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Assertions;
import org.ownersvote.verifier.Verifier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The API calls the suite tests make through the gateway to set an election up, and a look into a database. */
final class SuiteClient {

    private final Suite suite;

    SuiteClient(Suite suite) {
        this.suite = suite;
    }

    record Drill(String admin, String community, String workingGroup, String election) {
    }

    /** A drill election of the sample community (900 units, 860 counted) in VOTING, its ballots issued. */
    Drill drillInVoting(String title) throws Exception {
        String admin = login("admin", Suite.ADMIN_PASSWORD);
        String community = community(admin, "演练佳苑");
        String workingGroup = workingGroupOf(admin, community);
        byte[] roster = Files.readAllBytes(Path.of(System.getProperty("ownersvote.root"),
                "election-service/src/test/resources/rosters/zhenru-jiayuan-900.csv"));
        api(workingGroup).contentType("text/csv").body(roster).put("/api/communities/" + community + "/roster")
                .then().statusCode(200);
        Map<String, Object> body = new HashMap<>(electionBody(community, title));
        body.put("drill", true);
        body.put("seats", 5);
        String election = api(workingGroup).body(body).post("/api/elections").then().statusCode(201).extract()
                .path("id");
        api(workingGroup).body(Map.of("to", "NOMINATION")).post("/api/elections/" + election + "/transitions")
                .then().statusCode(200);
        String[][] nominees = { { "1号楼", "101", "方杰" }, { "1号楼", "102", "顾建然" }, { "1号楼", "103", "王宇浩" },
                { "1号楼", "104", "杨国轩" }, { "1号楼", "201", "赵国萱" } };
        for (String[] n : nominees) {
            String id = api(workingGroup).body(Map.of("unit", Map.of("building", n[0], "unit", n[1]), "name", n[2],
                    "nominators", List.of(Map.of("building", "1号楼", "unit", "301")), "commitmentReceived", true))
                    .post("/api/elections/" + election + "/nominations").then().statusCode(201).extract().path("id");
            api(workingGroup).body(Map.of("decision", "APPROVED"))
                    .post("/api/elections/" + election + "/candidates/" + id + "/review").then().statusCode(200);
        }
        api(workingGroup).body(Map.of("to", "CANDIDATE_PUBLICITY")).post("/api/elections/" + election + "/transitions")
                .then().statusCode(200);
        // voting opens only once ballot-service has the whole electorate (published at nomination): until then the
        // working group is told to try again (503), as the web client does by itself
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            int status = api(workingGroup).body(Map.of("to", "VOTING")).post("/api/elections/" + election
                    + "/transitions").then().extract().statusCode();
            if (status != 200 && status != 503) {
                throw new AssertionError("opening voting answered " + status);
            }
            return status == 200;
        });
        // the ballots were issued as a step of opening voting: printing works at once, without waiting
        Assertions.assertEquals(860, query("ballot-service",
                "select count(*) from ballot where election_id = ?::uuid", election));
        api(workingGroup).queryParam("building", "2号楼").post("/api/elections/" + election + "/ballots/print")
                .then().statusCode(200);
        return new Drill(admin, community, workingGroup, election);
    }

    /** An account of the drill's election with one role, logged in. */
    String staff(Drill d, String role, List<String> buildings) {
        return staffAccount(d, role, buildings).token();
    }

    static final String STAFF_PASSWORD = "suite2026staff";

    record Account(String username, String token) {
    }

    /** An account of the drill's election with one role (password {@link #STAFF_PASSWORD}), logged in. */
    Account staffAccount(Drill d, String role, List<String> buildings) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> account = new HashMap<>(Map.of("username", name, "password", "suite2026staff",
                "displayName", name, "roles", List.of(role), "communityId", d.community(), "electionId", d.election()));
        if (!buildings.isEmpty()) {
            account.put("buildings", buildings);
        }
        api(d.admin()).body(account).post("/api/admin/users").then().statusCode(201);
        return new Account(name, login(name, STAFF_PASSWORD));
    }

    String community(String admin, String name) {
        return api(admin).body(Map.of("name", name, "district", "普陀区", "street", "真如镇街道"))
                .post("/api/communities").then().statusCode(201).extract().path("id");
    }

    String workingGroupOf(String admin, String community) {
        String username = "wg-" + UUID.randomUUID().toString().substring(0, 8);
        api(admin).body(Map.of("username", username, "password", "zhenru2026gongzuo", "displayName", "换届改选小组",
                "roles", List.of("working-group"), "communityId", community))
                .post("/api/admin/users").then().statusCode(201);
        return login(username, "zhenru2026gongzuo");
    }

    Map<String, Object> electionBody(String community, String title) {
        return Map.of("communityId", community, "title", title, "rulePack", "SH-2020", "seats", 7,
                "alternates", 2, "votingDays", 14);
    }

    String login(String username, String password) {
        return given().baseUri(suite.gatewayUrl()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    RequestSpecification api(String token) {
        return given().baseUri(suite.gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /**
     * What a scrutineer does before signing off: fetch the electorate, ledger and tally exports, run the verifier on
     * them, and take the attestation code it prints only when everything recomputes.
     */
    static String verifiedAttestation(Supplier<RequestSpecification> as, String election) throws Exception {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode electorate = json.readTree(as.get().get("/api/elections/" + election + "/ledger/electorate").then()
                .statusCode(200).extract().asString());
        List<String> ledger = List.of(as.get().get("/api/elections/" + election + "/ledger").then().statusCode(200)
                .extract().asString().split("\n"));
        JsonNode tally = json.readTree(as.get().get("/api/elections/" + election + "/tally").then().statusCode(200)
                .extract().asString());
        List<String> differences = Verifier.verify(electorate, ledger, tally);
        if (!differences.isEmpty()) {
            throw new AssertionError("the verifier disagrees: " + differences);
        }
        return Verifier.attestation(tally);
    }

    int query(String service, String sql, String parameter) throws Exception {
        try (Connection c = DriverManager.getConnection(suite.databaseUrl(service), "postgres", "");
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
