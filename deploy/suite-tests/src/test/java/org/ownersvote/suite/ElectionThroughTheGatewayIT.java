package org.ownersvote.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ownersvote.client.ballot.ApiException;
import org.ownersvote.client.ballot.api.BallotsApi;
import org.ownersvote.client.ballot.model.BallotStatus;
import org.ownersvote.client.ballot.model.Handout;
import org.ownersvote.client.ballot.model.Method;
import org.ownersvote.client.ballot.model.Relation;
import org.ownersvote.client.election.api.ElectionsApi;
import org.ownersvote.client.election.model.Phase;
import org.ownersvote.client.gateway.ApiClient;
import org.ownersvote.client.gateway.api.SignInApi;
import org.ownersvote.client.gateway.model.LoginRequest;
import org.ownersvote.platform.testing.TestDatabase;
import org.ownersvote.verifier.Verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The thin slice through the whole chain: gateway → election-service → Kafka → ballot- and notification-service. */
class ElectionThroughTheGatewayIT {

    private static Suite suite;

    private static SuiteClient client() {
        return new SuiteClient(suite);
    }

    @BeforeAll
    static void startTheSuite() throws Exception {
        suite = Suite.start();
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void aWorkingGroupCreatesAnElectionAndTheNoticeAppearsOnTheBoard() throws Exception {
        String admin = login("admin", Suite.ADMIN_PASSWORD);
        String community = community(admin, "真如佳苑");
        String workingGroup = workingGroupOf(admin, community);

        String requestId = "suite-" + UUID.randomUUID();
        String traceId = newTraceId();
        String election = api(workingGroup).header("X-Request-Id", requestId)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(electionBody(community, "真如佳苑第一届业主委员会选举"))
                .post("/api/elections").then().statusCode(201)
                .header("X-Request-Id", requestId)
                .body("phase", equalTo("DRAFT")).extract().path("id");

        awaitNotices(community, 1);
        given().baseUri(suite.gatewayUrl()).get("/api/communities/" + community + "/notices")
                .then().statusCode(200)
                .body("items[0].title", equalTo("真如佳苑业主委员会选举工作启动公告"))
                .body("items[0].electionId", equalTo(election));
        await().atMost(Duration.ofSeconds(60)).until(() -> ballotServiceKnows(election));

        // the request id follows the request through the gateway, the service and the events it caused
        for (String service : List.of("gateway", "election-service", "ballot-service")) {
            String log = suite.log(service);
            assertTrue(log.contains("req:" + requestId), service + " has no log line with " + requestId);
        }
        // notification-service logs JSON (OWNERSVOTE_JSON_LOGS=true): one object a line, the request id in its MDC,
        // and beside it the caller's trace id, carried by the event's headers from election-service's outbox
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> requestLines = new ArrayList<>();
        for (String line : suite.log("notification-service").split("\n")) {
            if (line.startsWith("{")) {
                JsonNode entry = json.readTree(line);
                if (requestId.equals(entry.path("mdc").path("requestId").asText())) {
                    requestLines.add(entry);
                }
            }
        }
        assertTrue(!requestLines.isEmpty(), "notification-service has no JSON log line with " + requestId);
        for (JsonNode line : requestLines) {
            assertEquals(traceId, line.path("mdc").path("traceId").asText(), line.toString());
            assertTrue(line.path("mdc").path("spanId").asText().matches("[0-9a-f]{16}"), line.toString());
        }
    }

    /** A W3C trace id (32 hex digits) no other request has. */
    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void openingNominationFreezesTheRosterAndBothServicesReceiveTheWholeElectorate() throws Exception {
        String admin = login("admin", Suite.ADMIN_PASSWORD);
        String community = community(admin, "真如佳苑");
        String workingGroup = workingGroupOf(admin, community);
        byte[] roster = Files.readAllBytes(Path.of(System.getProperty("ownersvote.root"),
                "election-service/src/test/resources/rosters/zhenru-jiayuan-900.csv"));
        api(workingGroup).contentType("text/csv").body(roster).put("/api/communities/" + community + "/roster")
                .then().statusCode(200).body("electorate.headcount", equalTo(806));
        String election = api(workingGroup).body(electionBody(community, "冻结名册的选举"))
                .post("/api/elections").then().statusCode(201).extract().path("id");
        api(workingGroup).body(Map.of("to", "NOMINATION")).post("/api/elections/" + election + "/transitions")
                .then().statusCode(200).body("frozen", equalTo(true))
                .body("electorate.area", equalTo(86566.89f));

        await().atMost(Duration.ofSeconds(60)).until(() -> query("ballot-service",
                "select count(*) from electorate_version where election_id = ?::uuid and complete", election) == 1);
        assertEquals(860, query("ballot-service", "select count(*) from electorate_unit "
                + "where election_id = ?::uuid and counted", election));
        assertEquals(806, query("ballot-service", "select count(distinct person_key) from electorate_unit "
                + "where election_id = ?::uuid and counted", election));
        await().atMost(Duration.ofSeconds(60)).until(() -> query("notification-service",
                "select count(*) from contact_list where election_id = ?::uuid and complete", election) == 1);
        assertEquals(900, query("notification-service",
                "select count(*) from owner_contact where election_id = ?::uuid", election));
        api(workingGroup).contentType("text/csv").body(roster).put("/api/communities/" + community + "/roster")
                .then().statusCode(409);
    }

    record Drill(String admin, String community, String workingGroup, String election) {
    }

    private static Drill drillInVoting(String title) throws Exception {
        SuiteClient.Drill d = client().drillInVoting(title);
        return new Drill(d.admin(), d.community(), d.workingGroup(), d.election());
    }

    private static String staff(Drill d, String role, List<String> buildings) {
        return client().staff(new SuiteClient.Drill(d.admin(), d.community(), d.workingGroup(), d.election()), role,
                buildings);
    }

    @Test
    void aDrillReachesVotingAndABuildingLeaderHandsOutABallotThroughTheGateway() throws Exception {
        Drill d = drillInVoting("新人培训演练");
        String workingGroup = d.workingGroup();
        String election = d.election();
        String leader = staff(d, "building-leader", List.of("1号楼"));
        String page = api(workingGroup).queryParam("building", "1号楼")
                .post("/api/elections/" + election + "/ballots/print").then().statusCode(200).extract().asString();
        Matcher sheet = Pattern.compile(
                "data-serial=\"([^\"]+)\".*?<span class=\"code\">([^<]+)</span>", Pattern.DOTALL)
                .matcher(page);
        Assertions.assertTrue(sheet.find(), "a printed sheet with serial and code");
        String serial = sheet.group(1);
        String code = sheet.group(2);
        String traceId = newTraceId();
        api(leader).header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .body(Map.of("recipientName", "方杰", "relation", "OWNER", "method", "IN_PERSON"))
                .post("/api/ballots/" + serial + "/handout").then().statusCode(200)
                .body("status", equalTo("HANDED_OUT"));
        // the handout's trace, begun by the caller, goes on through the gateway and ballot-service into the event's
        // outbox row and Kafka headers, and notification-service's consumer applies the event in it (issue 21 item 2)
        String step = "'ballot.step-recorded.v1'";
        assertEquals(1, query("ballot-service", "select count(*) from outbox_event where event_type = " + step
                + " and trace_parent like '00-' || ? || '-%'", traceId), "the outbox row keeps the handout's trace");
        await().atMost(Duration.ofSeconds(60)).until(() -> query("notification-service", "select count(*) from "
                + "processed_event where event_type = " + step + " and trace_id = ?", traceId) == 1);
        api(leader).queryParam("building", "2号楼").get("/api/elections/" + election + "/ballots").then().statusCode(403);
        api(leader).get("/api/elections/" + election + "/ballots/progress").then().statusCode(200)
                .body("buildings.find { it.building == '1号楼' }.handedOut", equalTo(1));

        // the owner signs in with serial and code, sees the handout, and votes online; the paper is then refused
        String owner = given().baseUri(suite.gatewayUrl()).contentType(ContentType.JSON)
                .body(Map.of("ballotSerial", serial, "verificationCode", code))
                .post("/api/auth/owner-login").then().statusCode(200).extract().path("accessToken");
        api(owner).get("/api/ballots/" + serial + "/status").then().statusCode(200)
                .body("trail[0].action", equalTo("HANDOUT"));
        List<String> candidates = api(workingGroup).get("/api/elections/" + election + "/candidates")
                .then().statusCode(200).extract().path("candidates.findAll { it.status == 'APPROVED' }.id");
        Map<String, String> marks = new HashMap<>();
        candidates.forEach(id -> marks.put(id, "OPPOSE"));
        marks.put(candidates.get(0), "APPROVE");
        api(owner).body(Map.of("verificationCode", code, "marks", marks, "motions", Map.of()))
                .post("/api/ballots/" + serial + "/cast").then().statusCode(200).body("status", equalTo("CAST_ONLINE"));
        api(leader).body(Map.of("channel", "BALLOT_BOX")).post("/api/ballots/" + serial + "/return")
                .then().statusCode(409);
    }

    /**
     * Issue 21 item 5: Java clients generated from the OpenAPI documents (openapi-generator's native library, this
     * module's pom) drive an election step through the gateway as an integrator's program would: a building leader
     * signs in with the gateway's client and hands out a ballot with ballot-service's, the working group reads the
     * election with election-service's, and a refusal arrives as the problem detail the document describes.
     */
    @Test
    void clientsGeneratedFromTheDocumentsSignInAndHandOutABallot() throws Exception {
        Drill d = drillInVoting("生成客户端演练");
        SuiteClient.Account leader = client().staffAccount(
                new SuiteClient.Drill(d.admin(), d.community(), d.workingGroup(), d.election()), "building-leader",
                List.of("1号楼"));
        String page = api(d.workingGroup()).queryParam("building", "1号楼")
                .post("/api/elections/" + d.election() + "/ballots/print").then().statusCode(200).extract().asString();
        Matcher sheet = Pattern.compile("data-serial=\"([^\"]+)\"").matcher(page);
        assertTrue(sheet.find(), "a printed sheet with its serial");
        String serial = sheet.group(1);

        var gateway = new ApiClient();
        gateway.updateBaseUri(suite.gatewayUrl());
        String token = new SignInApi(gateway).authResourceLogin(
                new LoginRequest().username(leader.username())
                        .password(SuiteClient.STAFF_PASSWORD))
                .getAccessToken();
        var ballotService = new org.ownersvote.client.ballot.ApiClient();
        ballotService.updateBaseUri(suite.gatewayUrl());
        ballotService.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        var ballots = new BallotsApi(ballotService);
        var handout = new Handout().recipientName("方杰")
                .relation(Relation.OWNER)
                .method(Method.IN_PERSON);
        var handedOut = ballots.ballotResourceHandout(serial, handout, UUID.randomUUID().toString());
        assertEquals(serial, handedOut.getSerial());
        assertEquals(BallotStatus.HANDED_OUT, handedOut.getStatus());
        // a serial not of the printed form: the 422 problem detail the document gives the operation
        var refused = Assertions.assertThrows(ApiException.class,
                () -> ballots.ballotResourceHandout("NO-SUCH-SERIAL", handout, UUID.randomUUID().toString()));
        JsonNode problem = new ObjectMapper().readTree(refused.getResponseBody());
        assertEquals(422, refused.getCode());
        assertEquals("urn:ownersvote:problem:invalid-request", problem.path("type").asText(), problem.toString());
        assertEquals("serial", problem.path("errors").path(0).path("field").asText(), problem.toString());

        var electionService = new org.ownersvote.client.election.ApiClient();
        electionService.updateBaseUri(suite.gatewayUrl());
        electionService.setRequestInterceptor(
                request -> request.header("Authorization", "Bearer " + d.workingGroup()));
        assertEquals(Phase.VOTING,
                new ElectionsApi(electionService)
                        .electionResourceGet(UUID.fromString(d.election())).getPhase());
    }

    @Test
    void noVoteIsAcceptedAfterTheCloseAndTheFirstEntryAfterItIsAccepted() throws Exception {
        Drill d = drillInVoting("截止演练");
        String page = api(d.workingGroup()).queryParam("building", "1号楼")
                .post("/api/elections/" + d.election() + "/ballots/print").then().statusCode(200).extract().asString();
        Matcher sheet = Pattern.compile(
                "data-serial=\"([^\"]+)\".*?<span class=\"code\">([^<]+)</span>", Pattern.DOTALL)
                .matcher(page);
        List<String> candidates = api(d.workingGroup()).get("/api/elections/" + d.election() + "/candidates")
                .then().statusCode(200).extract().path("candidates.findAll { it.status == 'APPROVED' }.id");
        Map<String, String> marks = new HashMap<>();
        candidates.forEach(id -> marks.put(id, "ABSTAIN"));
        List<Runnable> votes = new ArrayList<>();
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        Set<String> sentAfterTheClose = ConcurrentHashMap.newKeySet();
        AtomicBoolean closed = new AtomicBoolean();
        while (sheet.find() && votes.size() < 40) {
            String serial = sheet.group(1);
            String code = sheet.group(2);
            String owner = given().baseUri(suite.gatewayUrl()).contentType(ContentType.JSON)
                    .body(Map.of("ballotSerial", serial, "verificationCode", code))
                    .post("/api/auth/owner-login").then().statusCode(200).extract().path("accessToken");
            votes.add(() -> {
                if (closed.get()) {
                    sentAfterTheClose.add(serial);
                }
                answers.put(serial, api(owner).body(Map.of("verificationCode", code, "marks", marks,
                        "motions", Map.of())).post("/api/ballots/" + serial + "/cast").statusCode());
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < votes.size(); i++) {
            sent.add(pool.submit(votes.get(i)));
            if (i == votes.size() / 3) {
                sent.add(pool.submit(() -> {
                    api(d.workingGroup()).body(Map.of("to", "COUNTING", "reason", "演练：提前结束投票"))
                            .post("/api/elections/" + d.election() + "/transitions").then().statusCode(200);
                    closed.set(true);
                }));
            }
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
        Assertions.assertEquals(votes.size(), answers.size());
        answers.forEach((serial, status) -> Assertions.assertTrue(status == 200 || status == 409,
                serial + " answered " + status));
        // a vote sent after the close was answered is refused; no accepted vote lies at or after the close
        sentAfterTheClose.forEach(serial -> Assertions.assertEquals(409, answers.get(serial),
                serial + " was sent after the close was answered"));
        long accepted = answers.values().stream().filter(status -> status == 200).count();
        Assertions.assertEquals(accepted, query("ballot-service", "select count(*) from "
                + "online_vote o join election e on e.id = o.election_id where e.id = ?::uuid and o.cast_at < "
                + "e.voting_closed_at", d.election()), "every accepted vote, and only those, before the close");
        Assertions.assertEquals(accepted, query("ballot-service",
                "select count(*) from ledger_record where election_id = ?::uuid", d.election()),
                "the accepted votes, and only those, are counted");
        Assertions.assertEquals(1, query("election-service", "select count(*) from election e "
                + "join phase_change p on p.election_id = e.id and p.to_phase = 'COUNTING' where e.id = ?::uuid and "
                + "p.at = e.voting_closed_at", d.election()), "the phase change is dated by the one close instant");
    }

    @Test
    void aDrillIsCountedThroughTheGatewayNothingAcknowledgedIsLostWhenBallotServiceIsKilledAndABackupRestoresIt()
            throws Exception {
        Drill d = drillInVoting("计票演练");
        String leader = staff(d, "building-leader", List.of("1号楼"));
        String counterA = staff(d, "counter", List.of());
        String counterB = staff(d, "counter", List.of());
        List<String> serials = api(leader).queryParam("building", "1号楼").queryParam("size", 40)
                .get("/api/elections/" + d.election() + "/ballots").then().statusCode(200).extract().path("serial");
        for (String serial : serials) {
            api(leader).body(Map.of("recipientName", "业主", "relation", "OWNER", "method", "IN_PERSON"))
                    .post("/api/ballots/" + serial + "/handout").then().statusCode(200);
            api(leader).body(Map.of("channel", "BALLOT_BOX")).post("/api/ballots/" + serial + "/return")
                    .then().statusCode(200);
        }
        api(d.workingGroup()).body(Map.of("to", "COUNTING", "reason", "演练：提前结束投票"))
                .post("/api/elections/" + d.election() + "/transitions").then().statusCode(200);
        // counting opened in ballot-service as a step of the transition: no wait for an event
        Assertions.assertEquals(1, query("ballot-service",
                "select count(*) from election where id = ?::uuid and phase = 'COUNTING'", d.election()));
        List<String> candidates = api(d.workingGroup()).get("/api/elections/" + d.election() + "/candidates")
                .then().statusCode(200).extract().path("candidates.findAll { it.status == 'APPROVED' }.id");
        Map<String, Object> marks = Map.of(candidates.get(0), "APPROVE", candidates.get(1), "OPPOSE");

        // counter A enters a burst; ballot-service is killed (kill -9) part way through
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        Thread burst = new Thread(() -> {
            for (String serial : serials) {
                try {
                    if (api(counterA).body(Map.of("serial", serial, "signature", "OWNER", "marks", marks))
                            .post("/api/elections/" + d.election() + "/counting/entries").statusCode() == 200) {
                        acknowledged.add(serial);
                    }
                } catch (RuntimeException connectionLost) {
                    // the gateway answers 503 while ballot-service is down; a dropped connection lands here
                }
            }
        });
        burst.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 10);
        suite.kill("ballot-service");
        burst.join();
        int before = acknowledged.size();
        Assertions.assertTrue(before < serials.size(), "the kill interrupted the burst");
        suite.restart("ballot-service");
        for (String serial : acknowledged) {
            Assertions.assertEquals(1, query("ballot-service",
                    "select count(*) from counting_entry where serial = ?", serial), serial + " acknowledged, kept");
        }
        // counter A enters again what was not acknowledged, and once more what was: applied once either way
        for (String serial : serials) {
            api(counterA).body(Map.of("serial", serial, "signature", "OWNER", "marks", marks))
                    .post("/api/elections/" + d.election() + "/counting/entries").then().statusCode(200)
                    .body("entryNumber", equalTo(1));
            api(counterB).body(Map.of("serial", serial, "signature", "OWNER", "marks", marks))
                    .post("/api/elections/" + d.election() + "/counting/entries").then().statusCode(200)
                    .body("state", equalTo("COUNTED"));
        }
        for (String serial : serials) {
            Assertions.assertEquals(2, query("ballot-service",
                    "select count(*) from counting_entry where serial = ?", serial), serial);
        }

        // two scrutineers run the verifier on the exports and sign off with the code it prints; the chief
        // scrutineer finalizes; election-service hears of it
        String chief = staff(d, "chief-scrutineer", List.of());
        // headcount counts persons: an owner of two of these units approves once
        int persons = query("ballot-service", "select count(distinct person_key) from ballot where election_id = "
                + "?::uuid and status = 'RETURNED'", d.election());
        SuiteClient.Account first = client().staffAccount(new SuiteClient.Drill(d.admin(), d.community(),
                d.workingGroup(), d.election()), "scrutineer", List.of());
        for (String scrutineer : List.of(first.token(), staff(d, "scrutineer", List.of()))) {
            api(scrutineer).get("/api/elections/" + d.election() + "/tally").then().statusCode(200)
                    .body("counting.countedPaper", equalTo(serials.size()))
                    .body("tally.candidates.find { it.candidateId == '" + candidates.get(0) + "' }.approvingHeads",
                            equalTo(persons));
            String attestation = scrutineer.equals(first.token()) ? attestationFromTheGateway(first, d.election())
                    : SuiteClient.verifiedAttestation(() -> api(scrutineer), d.election());
            api(scrutineer).body(Map.of("attestation", attestation))
                    .post("/api/elections/" + d.election() + "/tally/signoffs")
                    .then().statusCode(200).body("agrees", equalTo(true));
        }
        api(chief).post("/api/elections/" + d.election() + "/tally/finalize").then().statusCode(200)
                .body("provisional", equalTo(false)).body("tally.quorum.met", equalTo(false));
        await().atMost(Duration.ofSeconds(60)).until(() -> query("election-service",
                "select count(*) from election where id = ?::uuid and final_tally_received", d.election()) == 1);
        api(d.workingGroup()).body(Map.of("to", "RESULT_PUBLICITY"))
                .post("/api/elections/" + d.election() + "/transitions").then().statusCode(409);
        api(d.workingGroup()).body(Map.of("to", "FAILED", "reason", "演练：参与人数不足三分之二"))
                .post("/api/elections/" + d.election() + "/transitions").then().statusCode(200);

        aBackupRestoresTheFinishedElectionOnAFreshStack(d);
    }

    /**
     * The counter's one command: the verifier signs in through the gateway as the scrutineer, fetches the three
     * exports, keeps them with their SHA-256, and prints AGREES with the attestation code (exit status 0).
     */
    private static String attestationFromTheGateway(SuiteClient.Account scrutineer, String election)
            throws Exception {
        Path folder = Files.createTempDirectory("verification-");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = Verifier.run(new String[] { "--gateway", suite.gatewayUrl(),
                "--election", election, "--username", scrutineer.username(), "--out", folder.toString() },
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                Map.of("OWNERSVOTE_PASSWORD", SuiteClient.STAFF_PASSWORD));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, output);
        assertTrue(output.contains("AGREES"), output);
        List<String> sums = Files.readAllLines(folder.resolve("SHA256SUMS"));
        assertEquals(3, sums.size(), String.join("\n", sums));
        for (String line : sums) {
            String[] sumAndName = line.split("  ");
            assertEquals(sumAndName[0], HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(folder.resolve(sumAndName[1])))), line);
        }
        Matcher code = Pattern.compile("ATTESTATION \\(签核码\\): ([0-9a-f]{64})")
                .matcher(output);
        assertTrue(code.find(), output);
        return code.group(1);
    }

    /**
     * deploy/ops/backup.sh and restore.sh, as an operator runs them: the four databases dumped while the suite runs,
     * restored into new databases, and a second suite started on them with a new, empty broker. The finished
     * election reads the same (tally, ledger hash), the verifier agrees with the restored exports, and every event
     * announced again after the restore is skipped by consumers that had it (nothing applied twice) and applied by
     * one that had not (an event in flight at backup time is not lost).
     */
    private static void aBackupRestoresTheFinishedElectionOnAFreshStack(Drill d) throws Exception {
        String tallyBefore = given().baseUri(suite.gatewayUrl()).get("/api/elections/" + d.election() + "/tally")
                .then().statusCode(200).extract().asString();
        String ledgerHash = given().baseUri(suite.gatewayUrl()).get("/api/elections/" + d.election() + "/tally")
                .then().extract().path("ledgerHash");
        // a quiet moment: every event sent and consumed (the restore would recover one in flight, but then the counts
        // below would rightly differ)
        await().atMost(Duration.ofSeconds(30)).until(() -> unsentEvents(suite) == 0);
        Map<String, Integer> processedBefore = processedEvents(suite);
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofSeconds(2)).until(() -> {
            Map<String, Integer> now = processedEvents(suite);
            boolean settled = now.equals(processedBefore);
            processedBefore.clear();
            processedBefore.putAll(now);
            return settled;
        });

        Path backup = Files.createTempDirectory("ownersvote-backup").resolve("b");
        Map<String, TestDatabase> restored = new LinkedHashMap<>();
        List<String> backupArgs = new ArrayList<>(List.of(script("backup.sh"), backup.toString()));
        List<String> restoreArgs = new ArrayList<>(List.of(script("restore.sh"), backup.toString()));
        for (String service : List.of("election-service", "ballot-service", "notification-service", "gateway")) {
            String key = service.replace("-service", "");
            String url = suite.databaseUrl(service);
            backupArgs.add(key + "=" + url.substring(url.lastIndexOf('/') + 1));
            TestDatabase target = TestDatabase.create("restored_" + key);
            restored.put(service, target);
            restoreArgs.add(key + "=" + target.name());
        }
        run(backupArgs);
        run(restoreArgs);
        // as if the event behind the election's latest notice had been in flight when notification-service's dump
        // was taken: its notice and its inbox row are not in the restored database; announced again, it comes back
        // once
        int notices = given().baseUri(suite.gatewayUrl()).get("/api/communities/" + d.community() + "/notices")
                .then().statusCode(200).extract().path("total");
        try (Connection c = DriverManager.getConnection(restored.get("notification-service").jdbcUrl(), "postgres", "");
                PreparedStatement lose = c.prepareStatement("with gone as (delete from notice where id = (select id "
                        + "from notice n where election_id = ?::uuid and exists (select 1 from processed_event p where "
                        + "p.event_id = n.source_event_id) order by published_at desc limit 1) returning "
                        + "source_event_id) delete from processed_event where event_id in (select source_event_id "
                        + "from gone)")) {
            lose.setString(1, d.election());
            assertEquals(1, lose.executeUpdate(), "one notice and its inbox row taken out");
        }
        try (Suite again = Suite.start(restored, "restored")) {
            SuiteClient client = new SuiteClient(again);
            assertEquals(tallyBefore, given().baseUri(again.gatewayUrl()).get("/api/elections/" + d.election()
                    + "/tally").then().statusCode(200).extract().asString(), "the final tally reads the same");
            String admin = client.login("admin", Suite.ADMIN_PASSWORD);
            String workingGroup = client.workingGroupOf(admin, d.community());
            client.api(workingGroup).get("/api/elections/" + d.election()).then().statusCode(200)
                    .body("phase", equalTo("FAILED")).body("ledgerHash", equalTo(ledgerHash));
            // the exports of the restored stack recompute to the same tally
            assertEquals(64, SuiteClient.verifiedAttestation(() -> client.api(workingGroup), d.election()).length());
            // every event was announced again on the new broker; the consumers had them all and applied none twice
            await().atMost(Duration.ofSeconds(60)).until(() -> unsentEvents(again) == 0);
            await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(again.gatewayUrl())
                    .get("/api/communities/" + d.community() + "/notices").then().extract().<Integer>path("total"),
                    total -> total == notices);
            Thread.sleep(2000); // a duplicate applied would show now
            assertEquals(processedBefore, processedEvents(again));
            assertEquals(notices, (int) given().baseUri(again.gatewayUrl()).get("/api/communities/" + d.community()
                    + "/notices").then().extract().<Integer>path("total"));
        } finally {
            restored.values().forEach(TestDatabase::drop);
        }
    }

    private static String script(String name) {
        return Path.of(System.getProperty("ownersvote.root", "../..")).resolve("deploy/ops/" + name)
                .toAbsolutePath().normalize().toString();
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + "\n" + output);
    }

    private static int unsentEvents(Suite s) throws Exception {
        int unsent = 0;
        for (String service : List.of("election-service", "ballot-service", "notification-service")) {
            unsent += count(s, service, "select count(*) from outbox_event where sent_at is null");
        }
        return unsent;
    }

    private static Map<String, Integer> processedEvents(Suite s) throws Exception {
        Map<String, Integer> processed = new TreeMap<>();
        for (String service : List.of("election-service", "ballot-service", "notification-service")) {
            processed.put(service, count(s, service, "select count(*) from processed_event"));
        }
        return processed;
    }

    private static int count(Suite s, String service, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(s.databaseUrl(service), "postgres", "");
                PreparedStatement statement = c.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void anElectionCreatedWhileTheBrokerIsDownIsAnnouncedOnceItIsBack() throws Exception {
        String admin = login("admin", Suite.ADMIN_PASSWORD);
        String community = community(admin, "断网小区");
        String workingGroup = workingGroupOf(admin, community);

        suite.broker.stop();
        try {
            api(workingGroup).body(electionBody(community, "断网期间创建的选举"))
                    .post("/api/elections").then().statusCode(201);
            Thread.sleep(2000);
            assertEquals(0, (int) given().baseUri(suite.gatewayUrl()).get("/api/communities/" + community + "/notices")
                    .then().statusCode(200).extract().path("total"));
        } finally {
            suite.broker.start();
        }
        awaitNotices(community, 1);
        Thread.sleep(3000);
        given().baseUri(suite.gatewayUrl()).get("/api/communities/" + community + "/notices")
                .then().body("total", equalTo(1));
    }

    @Test
    void aWorkingGroupCannotCreateAnElectionInAnotherCommunity() {
        String admin = login("admin", Suite.ADMIN_PASSWORD);
        String mine = community(admin, "甲");
        String other = community(admin, "乙");
        api(workingGroupOf(admin, mine)).body(electionBody(other, "越权"))
                .post("/api/elections").then().statusCode(403).contentType("application/problem+json");
        given().baseUri(suite.gatewayUrl()).contentType(ContentType.JSON)
                .body(electionBody(mine, "无令牌")).post("/api/elections").then().statusCode(401);
    }

    private static String community(String admin, String name) {
        return client().community(admin, name);
    }

    private static String workingGroupOf(String admin, String community) {
        return client().workingGroupOf(admin, community);
    }

    private static Map<String, Object> electionBody(String community, String title) {
        return client().electionBody(community, title);
    }

    private static String login(String username, String password) {
        return client().login(username, password);
    }

    private static RequestSpecification api(String token) {
        return client().api(token);
    }

    private static void awaitNotices(String community, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().baseUri(suite.gatewayUrl()).get("/api/communities/" + community + "/notices")
                        .then().extract().<Integer>path("total"), total -> total != null && total >= count);
    }

    private static int query(String service, String sql, String parameter) throws Exception {
        return client().query(service, sql, parameter);
    }

    private static boolean ballotServiceKnows(String election) throws Exception {
        try (Connection c = DriverManager.getConnection(suite.databaseUrl("ballot-service"), "postgres", "");
                PreparedStatement s = c.prepareStatement("select count(*) from election where id = ?::uuid")) {
            s.setString(1, election);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }
}
