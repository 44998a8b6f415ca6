package org.ownersvote.election;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.CustomMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ownersvote.election.domain.Phase;
import org.ownersvote.events.EventCodec;
import org.ownersvote.events.Topics;
import org.ownersvote.events.ballot.TallyFinalized;
import org.ownersvote.events.election.BallotCandidate;
import org.ownersvote.events.election.BallotMotion;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.platform.audit.AuditEntry;
import org.ownersvote.platform.outbox.OutboxEvent;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.KafkaTopics;
import org.ownersvote.platform.testing.TestEvents;
import org.ownersvote.platform.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** An election from DRAFT to COUNTING through the API, each guard met in turn. */
@QuarkusTest
class ElectionLifecycleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "ownersvote.ballot-service.url")
    String ballotService;

    /** Owners of counted units in the sample roster, with their units. */
    static final List<String[]> NOMINEES = List.of(
            new String[] { "1号楼", "101", "方杰" }, new String[] { "1号楼", "102", "顾建然" },
            new String[] { "1号楼", "103", "王宇浩" }, new String[] { "1号楼", "104", "杨国轩" },
            new String[] { "1号楼", "201", "赵国萱" }, new String[] { "1号楼", "204", "罗霞明" });

    @AfterEach
    void resetClock() {
        TestElectionClock.reset();
        ballotServiceClosesAt("");
    }

    /** The instant the ballot-service stand-in answers voting-close with; empty: the real time. */
    private void ballotServiceClosesAt(String instant) {
        given().baseUri(ballotService).port(-1).body(instant).post("/stub/close-at").then().statusCode(200);
    }

    @Test
    void aRealElectionWaitsFifteenDaysOfPublicityAndItsObjectionsAnswered() {
        UUID community = Api.createCommunity("生命周期小区");
        String wg = Api.workingGroup(community);
        importSample(community, wg);
        UUID election = createElection(community, wg, false);
        move(wg, election, "CANDIDATE_PUBLICITY").statusCode(409)
                .body("title", equalTo("Phase change refused"))
                .body("detail", equalTo("Moving from draft to candidate list publicity is refused: phases follow one "
                        + "another in order. Allowed next phases: nomination"))
                .body("errors[0].field", equalTo("to")).body("errors[0].code", equalTo("transition.not-next"))
                .body("errors[0].message", equalTo("phases follow one another in order"));
        inChinese(wg).body(Map.of("to", "CANDIDATE_PUBLICITY")).post("/api/elections/" + election + "/transitions")
                .then().statusCode(409)
                .body("title", equalTo("不能进入该阶段"))
                .body("detail", equalTo("本次选举现处于“筹备”阶段，不能进入“候选人公示”阶段：阶段须按顺序推进。"
                        + "下一步只能进入：候选人推荐"))
                .body("errors[0].field", equalTo("to")).body("errors[0].code", equalTo("transition.not-next"))
                .body("errors[0].message", equalTo("阶段须按顺序推进"));
        move(wg, election, "NOMINATION").statusCode(200);
        List<String> ids = nominateAndApprove(wg, election);

        // published 10 September 2026, 10:00 Beijing time (02:00 UTC, the server's clock): 15 whole days are
        // 11–25 September, and 25 September is the first day off of Mid-Autumn (25–27 September, 国办发明电〔2025〕7号),
        // so the period runs to 24:00 on Monday 28 September
        TestElectionClock.setTo(beijing(2026, 9, 10, 10, 0));
        move(wg, election, "CANDIDATE_PUBLICITY").statusCode(200).body("publicityStartedAt", notNullValue())
                .body("publicityEndsAt", instant(beijing(2026, 9, 29, 0, 0)));
        String objection = Api.as(wg).body(Map.of("candidateId", ids.get(0), "objectingUnit",
                Map.of("building", "1号楼", "unit", "301"), "text", "该候选人拖欠物业费"))
                .post("/api/elections/" + election + "/objections").then().statusCode(201).extract().path("id");
        move(wg, election, "VOTING").statusCode(409).body("detail", containsString("objection(s) are not answered"));
        Api.as(wg).body(Map.of("answer", "经核实，已于五月缴清"))
                .post("/api/elections/" + election + "/objections/" + objection + "/answer").then().statusCode(200);
        Api.as(wg).body(Map.of("answer", "again"))
                .post("/api/elections/" + election + "/objections/" + objection + "/answer").then().statusCode(409);
        move(wg, election, "VOTING").statusCode(409)
                .body("detail", containsString("must be public for 15 days first"));

        // one minute before the earliest lawful instant: refused; at it: allowed
        TestElectionClock.setTo(beijing(2026, 9, 28, 23, 59));
        move(wg, election, "VOTING").statusCode(409).body("detail", containsString(
                "must be public for 15 days first (voting may open from 24:00 on 28 September 2026, Beijing time)"));
        TestElectionClock.setTo(beijing(2026, 9, 29, 0, 0));
        // 14 voting days from 29 September: 30 September–13 October, a Tuesday → 24:00 on 13 October
        String deadline = move(wg, election, "VOTING").statusCode(200).body("phase", equalTo("VOTING"))
                .body("votingDeadline", instant(beijing(2026, 10, 14, 0, 0))).extract().path("votingDeadline");

        // extensions in whole days from the deadline's last day; bounded by the rule pack's 60 voting days
        // (29 September + 60 = Saturday 28 November → 24:00 on Monday 30 November)
        extend(wg, election, 0, "x").statusCode(422);
        extend(wg, election, 3, " ").statusCode(422);
        extend(wg, election, 2_914_000, "到9999年").statusCode(422).body("title", equalTo("Invalid request"))
                .body("detail", equalTo("An extension cannot be longer than the longest voting period, 60 days under "
                        + "the Shanghai rules (SH-2020)"))
                .body("errors[0].code", equalTo("deadline.extension-too-long"));
        inChinese(wg).body(Map.of("days", 2_914_000, "reason", "到9999年"))
                .post("/api/elections/" + election + "/voting-deadline").then().statusCode(422)
                .body("title", equalTo("提交的内容有误"))
                .body("detail", equalTo("延长的天数不能超过投票期的最长期限：按照上海规定（SH-2020）为 60 天"))
                .body("errors[0].field", equalTo("days"))
                .body("errors[0].code", equalTo("deadline.extension-too-long"))
                .body("errors[0].message", equalTo("延长的天数不能超过投票期的最长期限：按照上海规定（SH-2020）为 60 天"));
        extend(wg, election, 49, "太久").statusCode(422).body("errors[0].field", equalTo("days"))
                .body("errors[0].code", equalTo("deadline.beyond-longest"))
                .body("detail", containsString("(at the latest 24:00 on 30 November 2026, Beijing time)"));
        inChinese(wg).body(Map.of("days", 49, "reason", "太久"))
                .post("/api/elections/" + election + "/voting-deadline").then().statusCode(422)
                .body("errors[0].code", equalTo("deadline.beyond-longest"))
                .body("errors[0].message", containsString("最晚2026年11月30日 24:00（北京时间）"))
                .body("detail", not(containsString("UTC"))).body("detail", not(containsString("Z")));
        extend(wg, election, 3, "部分业主外出，延长三天").statusCode(200)
                .body("votingDeadline", instant(beijing(2026, 10, 17, 0, 0)));
        extend(wg, election, 44, "再延长").statusCode(200).body("votingDeadline", instant(beijing(2026, 12, 1, 0, 0)));
        extend(wg, election, 1, "超出").statusCode(422);
        assertEquals(2L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "recordKey = ?1 and eventType = 'election.voting-deadline-extended.v1'", election.toString())),
                "each accepted extension is announced, a refused one changes nothing");
        move(wg, election, "COUNTING").statusCode(409).body("detail", containsString("voting runs until"));
        // ballot-service closes at the election's own (test) time, before the deadline whatever the real date
        ballotServiceClosesAt(beijing(2026, 9, 29, 0, 0).toString());
        moveWithReason(wg, election, "COUNTING", "全部选票已收回").statusCode(200)
                .body("closedEarlyReason", equalTo("全部选票已收回"));
        move(wg, election, "RESULT_PUBLICITY").statusCode(409)
                .body("detail", containsString("the final tally has not arrived"));
        finalTally(election, true);
        move(wg, election, "FAILED").statusCode(409).body("detail", containsString("the quorum was met"));
        move(wg, election, "RESULT_PUBLICITY").statusCode(200).body("certified", equalTo(true))
                .body("ledgerHash", equalTo("ledger-" + election));
        move(wg, election, "CLOSED").statusCode(200);
        move(wg, election, "VOTING").statusCode(409).body("detail", containsString("none (the election has ended)"));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "recordKey = ?1 and eventType = 'election.result-certified.v1'", election.toString())));

        long phaseEvents = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "recordKey = ?1 and eventType = 'election.phase-changed.v1'", election.toString()));
        assertEquals(6, phaseEvents, "NOMINATION, CANDIDATE_PUBLICITY, VOTING, COUNTING, RESULT_PUBLICITY, CLOSED");
        assertEquals(5L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "recordKey = ?1 and eventType = 'election.candidate-decided.v1'", election.toString())));

        // voting-opened carries what ballots print: approved candidates in stroke order, and the motions
        VotingOpened opened = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>list(
                "recordKey = ?1 and eventType = 'election.voting-opened.v1'", election.toString())).stream()
                .map(e -> EventCodec.readPayload(EventCodec.readEnvelope(e.payload), VotingOpened.class))
                .findFirst().orElseThrow();
        assertEquals(List.of("方杰", "王宇浩", "杨国轩", "赵国萱", "顾建然"),
                opened.candidates().stream().map(BallotCandidate::name).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), opened.candidates().stream().map(BallotCandidate::position).toList());
        assertEquals(List.of("MAJORITY", "SPECIAL"), opened.motions().stream().map(BallotMotion::threshold).toList());
        assertEquals(OffsetDateTime.parse(deadline).toInstant(), opened.votingDeadline().toInstant());
        assertEquals(beijing(2026, 10, 14, 0, 0).toInstant(), opened.votingDeadline().toInstant());
        assertEquals(6L,
                (long) QuarkusTransaction.requiringNew().call(() -> PhaseChange.count("electionId", election)));
    }

    @Test
    void aDrillPassesThroughWithoutWaiting() {
        Setup drill = drillInCounting("演练小区");
        finalTally(drill.election(), true);
        move(drill.wg(), drill.election(), "RESULT_PUBLICITY").statusCode(200).body("certified", equalTo(false))
                .body("nextPhases", equalTo(List.of("CLOSED")))
                .body("phases", equalTo(List.of("DRAFT", "NOMINATION", "CANDIDATE_PUBLICITY", "VOTING",
                        "COUNTING", "RESULT_PUBLICITY", "CLOSED")));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "recordKey = ?1 and eventType = 'election.result-certified.v1'", drill.election().toString())),
                "a drill's result is never certified as real");
    }

    @Test
    void anElectionWithoutQuorumFails() {
        Setup drill = drillInCounting("流选小区");
        finalTally(drill.election(), false);
        move(drill.wg(), drill.election(), "RESULT_PUBLICITY").statusCode(409)
                .body("detail", containsString("quorum was not met"));
        Api.as(drill.wg()).get("/api/elections/" + drill.election()).then().statusCode(200)
                .body("nextPhases", equalTo(List.of("RESULT_PUBLICITY", "FAILED")));
        // a failed election's timeline ends at FAILED, with nothing after it
        move(drill.wg(), drill.election(), "FAILED").statusCode(200).body("phase", equalTo("FAILED"))
                .body("nextPhases", equalTo(List.of()))
                .body("phases", equalTo(List.of("DRAFT", "NOMINATION", "CANDIDATE_PUBLICITY", "VOTING",
                        "COUNTING", "FAILED")));
    }

    @Test
    void onlyOneElectionOfACommunityMayHoldTheRosterFrozen() {
        Setup first = nominationOpen("两场小区", false);
        UUID second = createElection(first.community(), first.wg(), false);
        move(first.wg(), second, "NOMINATION").statusCode(409)
                .body("type", equalTo("urn:ownersvote:problem:roster-in-use"));
    }

    @Test
    void theDeadlineIsExtendedOnlyWhileVoting() {
        Setup setup = nominationOpen("延期小区", false);
        extend(setup.wg(), setup.election(), 3, "延长").statusCode(409)
                .body("type", equalTo("urn:ownersvote:problem:not-voting"));
    }

    @Test
    void aPeriodEndingInAYearWithNoHolidayCalendarIsRefusedNotGuessed() {
        Setup setup = nominationOpen("跨年小区", false);
        nominateAndApprove(setup.wg(), setup.election());
        // published 1 December 2026 at 10:00: voting from 24:00 on 16 December; 14 days end 24:00 on 31 December
        TestElectionClock.setTo(beijing(2026, 12, 1, 10, 0));
        move(setup.wg(), setup.election(), "CANDIDATE_PUBLICITY").statusCode(200)
                .body("publicityEndsAt", instant(beijing(2026, 12, 17, 0, 0)));
        TestElectionClock.setTo(beijing(2026, 12, 16, 23, 59));
        move(setup.wg(), setup.election(), "VOTING").statusCode(409);
        TestElectionClock.setTo(beijing(2026, 12, 17, 0, 0));
        move(setup.wg(), setup.election(), "VOTING").statusCode(200)
                .body("votingDeadline", instant(beijing(2027, 1, 1, 0, 0)));
        // one more day is 1 January 2027: no State Council notice for 2027 is loaded
        extend(setup.wg(), setup.election(), 1, "元旦").statusCode(409)
                .body("type", equalTo("urn:ownersvote:problem:holiday-calendar-missing"))
                .body("detail", containsString("2027"));
        Api.as(setup.wg()).get("/api/elections/" + setup.election()).then()
                .body("votingDeadline", instant(beijing(2027, 1, 1, 0, 0)));
    }

    @Test
    void aDrillRunsOnAnyDayEvenInAYearWithNoHolidayCalendar() {
        // 2030 has no State Council notice loaded: a real election's voting period there is refused (above), a drill's
        // is counted in whole days without the holiday calendar, because it binds no one
        TestElectionClock.setTo(beijing(2030, 6, 3, 9, 30));
        Setup drill = nominationOpen("演练跨年小区", true);
        nominateAndApprove(drill.wg(), drill.election());
        move(drill.wg(), drill.election(), "CANDIDATE_PUBLICITY").statusCode(200);
        move(drill.wg(), drill.election(), "VOTING").statusCode(200)
                .body("votingDeadline", instant(beijing(2030, 6, 18, 0, 0))); // 14 days: to 24:00 on 17 June
    }

    static OffsetDateTime beijing(int year, int month, int day, int hour, int minute) {
        return OffsetDateTime.of(year, month, day, hour, minute, 0, 0, ZoneOffset.ofHours(8));
    }

    /** A JSON date-time that is this instant, whatever offset it is written with. */
    static Matcher<Object> instant(OffsetDateTime expected) {
        return new CustomMatcher<>("the instant " + expected.toInstant()) {
            @Override
            public boolean matches(Object value) {
                return value != null && OffsetDateTime.parse(value.toString()).toInstant().equals(expected.toInstant());
            }
        };
    }

    private static ValidatableResponse extend(String wg, UUID election, int days, String reason) {
        return Api.as(wg).body(Map.of("days", days, "reason", reason))
                .post("/api/elections/" + election + "/voting-deadline").then();
    }

    /** A community with the sample roster, its working group, and an election with nomination open. */
    record Setup(UUID community, String wg, UUID election) {
    }

    private static Setup nominationOpen(String communityName, boolean drill) {
        UUID community = Api.createCommunity(communityName);
        String wg = Api.workingGroup(community);
        importSample(community, wg);
        UUID election = createElection(community, wg, drill);
        move(wg, election, "NOMINATION").statusCode(200);
        return new Setup(community, wg, election);
    }

    /** A drill taken to COUNTING without waiting: no publicity period, voting closed early with a reason. */
    private static Setup drillInCounting(String communityName) {
        Setup drill = nominationOpen(communityName, true);
        nominateAndApprove(drill.wg(), drill.election());
        move(drill.wg(), drill.election(), "CANDIDATE_PUBLICITY").statusCode(200);
        move(drill.wg(), drill.election(), "VOTING").statusCode(200).body("drill", equalTo(true));
        moveWithReason(drill.wg(), drill.election(), "COUNTING", "演练结束").statusCode(200);
        return drill;
    }

    private void finalTally(UUID election, boolean quorumMet) {
        KafkaTopics.send(bootstrap, Topics.BALLOT_RESULTS,
                election.toString(), TestEvents.envelope(UUID.randomUUID().toString(),
                        election, new TallyFinalized(election, quorumMet,
                                "ledger-" + election, OffsetDateTime.now(), null)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Election.<Election>findById(election).finalTallyReceived));
    }

    @Test
    void votingOpensAndClosesInBallotServiceFirstOrNotAtAll() {
        Setup drill = nominationOpen("投票闸门小区", true);
        nominateAndApprove(drill.wg(), drill.election());
        move(drill.wg(), drill.election(), "CANDIDATE_PUBLICITY").statusCode(200);
        stub("down");
        // ballot-service cannot issue the ballots: voting does not open, nothing is announced
        move(drill.wg(), drill.election(), "VOTING").statusCode(503).header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:ownersvote:problem:electorate-incomplete"))
                .body("title", equalTo("Not ready yet"))
                .body("detail", equalTo("ballot-service has not yet received the whole electorate"));
        // the caller's language goes along to ballot-service, whose own words are passed on as they came
        inChinese(drill.wg()).body(Map.of("to", "VOTING")).post("/api/elections/" + drill.election() + "/transitions")
                .then().statusCode(503).header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:ownersvote:problem:electorate-incomplete"))
                .body("title", equalTo("暂未就绪"))
                .body("detail", equalTo("选票服务尚未收到完整的业主名册"));
        assertEquals("CANDIDATE_PUBLICITY", QuarkusTransaction.requiringNew().call(
                () -> Election.<Election>findById(drill.election()).phase.name()));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "recordKey = ?1 and eventType = 'election.voting-opened.v1'", drill.election().toString())));
        stub("up");
        move(drill.wg(), drill.election(), "VOTING").statusCode(200);
        stub("down");
        moveWithReason(drill.wg(), drill.election(), "COUNTING", "演练结束").statusCode(503);
        assertEquals("VOTING", QuarkusTransaction.requiringNew().call(
                () -> Election.<Election>findById(drill.election()).phase.name()));
        String calls = stub("up");
        moveWithReason(drill.wg(), drill.election(), "COUNTING", "演练结束").statusCode(200);
        // the close everyone sees is the instant ballot-service answered, and the calls carried the caller's token
        Election closed = QuarkusTransaction.requiringNew().call(() -> Election.<Election>findById(drill.election()));
        OffsetDateTime changedAt = QuarkusTransaction.requiringNew().call(() -> PhaseChange.<PhaseChange>find(
                "electionId = ?1 and toPhase = ?2", drill.election(), Phase.COUNTING).firstResult().at);
        assertEquals(closed.votingClosedAt.toInstant(), changedAt.toInstant());
        assertEquals(List.of("voting-open true", "voting-open true", "voting-close true"),
                List.of(calls.split("\n")).subList(calls.split("\n").length - 3, calls.split("\n").length));
    }

    @Test
    void theVotingCallsCarryTheRequestsId() {
        Setup drill = nominationOpen("请求编号小区", true);
        nominateAndApprove(drill.wg(), drill.election());
        move(drill.wg(), drill.election(), "CANDIDATE_PUBLICITY").statusCode(200);
        String requestId = "open-" + drill.election();
        Api.as(drill.wg()).header("X-Request-Id", requestId).body(Map.of("to", "VOTING"))
                .post("/api/elections/" + drill.election() + "/transitions").then().statusCode(200);
        List<String> seen = List.of(stub("request-ids").split("\n"));
        assertEquals(requestId, seen.get(seen.size() - 1));
    }

    /** Switches the stand-in for ballot-service's voting endpoints up or down; answers the calls it has seen. */
    private String stub(String mode) {
        return RestAssured.given().post(ballotService + "/stub/" + mode).then().statusCode(200)
                .extract().asString();
    }

    @Test
    void nominationRulesAreEnforced() {
        UUID community = Api.createCommunity("提名小区");
        String wg = Api.workingGroup(community);
        importSample(community, wg);
        UUID election = createElection(community, wg, false);
        nominate(wg, election, NOMINEES.get(0), "1号楼", "301").statusCode(409)
                .body("type", equalTo("urn:ownersvote:problem:wrong-phase"));
        move(wg, election, "NOMINATION").statusCode(200);

        nominate(wg, election, new String[] { "1号楼", "101", "冒名者" }, "1号楼", "301").statusCode(422)
                .body("errors[0].field", equalTo("name"));
        nominate(wg, election, new String[] { "地下车库", "B1-001", "黄玉" }, "1号楼", "301").statusCode(422)
                .body("errors[0].message", containsString("does not count"));
        // the developer (上海真如置业有限公司, developer_held on the roster) votes but is no natural person
        nominate(wg, election, new String[] { "2号楼", "901", "上海真如置业有限公司" }, "1号楼", "301").statusCode(422)
                .body("errors[0].field", equalTo("unit"))
                .body("errors[0].code", equalTo("candidate.unit-developer-held"))
                .body("errors[0].message", containsString("natural-person owner"));
        inChinese(wg).body(nominationBody(new String[] { "2号楼", "901", "上海真如置业有限公司" }, "1号楼", "301"))
                .post("/api/elections/" + election + "/nominations").then().statusCode(422)
                .body("title", equalTo("提交的内容有误"))
                .body("detail", equalTo("房屋 2号楼 901 由开发商持有（上海真如置业有限公司）；开发商持有的房屋不能推荐候选人："
                        + "业主委员会委员须为自然人业主"))
                .body("errors[0].field", equalTo("unit"))
                .body("errors[0].code", equalTo("candidate.unit-developer-held"))
                .body("errors[0].message", equalTo("房屋 2号楼 901 由开发商持有（上海真如置业有限公司）；开发商持有的房屋不能推荐"
                        + "候选人：业主委员会委员须为自然人业主"));
        inChinese(wg).body(nominationBody(new String[] { "地下车库", "B1-001", "黄玉" }, "1号楼", "301"))
                .post("/api/elections/" + election + "/nominations").then().statusCode(422)
                .body("errors[0].code", equalTo("candidate.unit-not-counted"))
                .body("errors[0].message", equalTo("房屋 地下车库 B1-001 是车位，不计入本次选举；被推荐人须拥有计入选举的房屋"));
        nominate(wg, election, NOMINEES.get(0), "9号楼", "9999").statusCode(422)
                .body("errors[0].field", equalTo("nominators"));
        String id = nominate(wg, election, NOMINEES.get(0), "1号楼", "301").statusCode(201)
                .body("nominators", equalTo(1)).extract().path("id");
        nominate(wg, election, NOMINEES.get(0), "1号楼", "302").statusCode(200)
                .body("id", equalTo(id)).body("nominators", equalTo(2));
        Api.as(wg).get("/api/elections/" + election + "/candidates").then().body("candidates", hasSize(1));

        Map<String, Object> longStatement = nominationBody(NOMINEES.get(1), "1号楼", "301");
        longStatement.put("statement", "长".repeat(501));
        Api.as(wg).body(longStatement).post("/api/elections/" + election + "/nominations").then().statusCode(422);

        // SH-2020: no approval without the written commitment; a rejection needs its category and reason
        Map<String, Object> noCommitment = nominationBody(NOMINEES.get(2), "1号楼", "301");
        noCommitment.put("commitmentReceived", false);
        String uncommitted = Api.as(wg).body(noCommitment).post("/api/elections/" + election + "/nominations")
                .then().statusCode(201).extract().path("id");
        review(wg, election, uncommitted, Map.of("decision", "APPROVED")).statusCode(422)
                .body("errors[0].message", containsString("承诺书"));
        review(wg, election, uncommitted, Map.of("decision", "REJECTED")).statusCode(422);
        review(wg, election, uncommitted, Map.of("decision", "REJECTED", "reasonCategory",
                "FEE_OR_REPAIR_FUND_ARREARS", "reason", "欠缴物业费两年")).statusCode(200)
                .body("status", equalTo("REJECTED"));
    }

    /**
     * Idempotency-Key (docs/architecture/idempotency.md): a nomination and a review sent twice with one key are
     * recorded once (one audit entry, one CandidateDecided event) and answered again as they were the first time
     * (201 with its Location, byte for byte).
     */
    @Test
    void aNominationAndAReviewRepeatedWithOneKeyAreRecordedOnceAndAnsweredAgain() {
        Setup setup = nominationOpen("幂等小区", false);
        String wg = setup.wg();
        UUID election = setup.election();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = nominationBody(NOMINEES.get(0), "1号楼", "301");
        Response first = Api.as(wg).header("Idempotency-Key", key).body(body)
                .post("/api/elections/" + election + "/nominations");
        first.then().statusCode(201).body("nominators", equalTo(1));
        Response again = Api.as(wg).header("Idempotency-Key", key).body(body)
                .post("/api/elections/" + election + "/nominations");
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.asString(), again.asString());
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> AuditEntry
                .count("electionId = ?1 and action like 'candidate.nominat%'", election)), "recorded once");
        Api.as(wg).get("/api/elections/" + election + "/candidates").then().body("candidates[0].nominators",
                equalTo(1));

        String id = first.path("id");
        String reviewKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            Api.as(wg).header("Idempotency-Key", reviewKey).body(Map.of("decision", "APPROVED"))
                    .post("/api/elections/" + election + "/candidates/" + id + "/review").then().statusCode(200)
                    .body("status", equalTo("APPROVED"));
        }
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "recordKey = ?1 and eventType like 'election.candidate-decided%'", election.toString())),
                "one event: a replay writes no second outbox row");
        // the same key for another decision is refused and changes nothing
        Api.as(wg).header("Idempotency-Key", reviewKey).body(Map.of("decision", "REJECTED"))
                .post("/api/elections/" + election + "/candidates/" + id + "/review").then().statusCode(422)
                .body("type", equalTo("urn:ownersvote:problem:idempotency-key-reused"));
    }

    @Test
    void theCandidateListIsInSurnameStrokeOrder() {
        Setup setup = nominationOpen("笔画小区", false);
        String wg = setup.wg();
        UUID election = setup.election();
        for (String[] nominee : NOMINEES) {
            nominate(wg, election, nominee, "1号楼", "301").statusCode(201);
        }
        // 方 4, 王 4, 杨 7, 罗 8, 赵 9, 顾 10 strokes; the 4-stroke tie follows ICU's stroke collation
        Api.as(wg).get("/api/elections/" + election + "/candidates").then().statusCode(200)
                .body("candidates.name", equalTo(List.of("方杰", "王宇浩", "杨国轩", "罗霞明", "赵国萱", "顾建然")));
    }

    @Test
    void oneNameOnSeveralUnitsIsListedByBuildingThenUnit() {
        Setup setup = nominationOpen("同名小区", false);
        String wg = setup.wg();
        UUID election = setup.election();
        // 赵国萱 co-owns 1号楼 201, 1号楼 404 and 4号楼 102: three candidates whose names collate equal, recorded
        // in another order than the list's
        for (String[] nominee : List.of(new String[] { "4号楼", "102", "赵国萱" }, new String[] { "1号楼", "404", "赵国萱" },
                new String[] { "1号楼", "201", "赵国萱" })) {
            nominate(wg, election, nominee, "1号楼", "301").statusCode(201);
        }
        Api.as(wg).get("/api/elections/" + election + "/candidates").then().statusCode(200)
                .body("candidates.building", equalTo(List.of("1号楼", "1号楼", "4号楼")))
                .body("candidates.unit", equalTo(List.of("201", "404", "102")));
    }

    @Test
    void oneNameOnSeveralUnitsIsListedInTheUnitsNaturalOrder() {
        Setup setup = nominationOpen("同名顺序小区", false);
        // 卢华燕 owns 4号楼 901 and 4号楼 1201: as text "1201" would come first, as people count 901 does
        for (String[] nominee : List.of(new String[] { "4号楼", "1201", "卢华燕" }, new String[] { "4号楼", "901", "卢华燕" })) {
            nominate(setup.wg(), setup.election(), nominee, "1号楼", "301").statusCode(201);
        }
        Api.as(setup.wg()).get("/api/elections/" + setup.election() + "/candidates").then().statusCode(200)
                .body("candidates.unit", equalTo(List.of("901", "1201")));
    }

    @Test
    void aNominationFormNeedsAtLeastOneNominator() {
        Setup setup = nominationOpen("推荐人小区", false);
        String nominations = "/api/elections/" + setup.election() + "/nominations";
        Map<String, Object> form = nominationBody(NOMINEES.get(0), "1号楼", "301");
        form.put("nominators", List.of());
        Api.as(setup.wg()).body(form).post(nominations).then().statusCode(422)
                .body("type", equalTo("urn:ownersvote:problem:invalid-request"))
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo("nominators"))
                .body("errors[0].code", equalTo("constraint.NotEmpty"));
        form.remove("nominators");
        Api.as(setup.wg()).body(form).post(nominations).then().statusCode(422)
                .body("errors[0].field", equalTo("nominators"))
                .body("errors[0].code", equalTo("constraint.NotEmpty"));
        Api.as(setup.wg()).get("/api/elections/" + setup.election() + "/candidates").then().statusCode(200)
                .body("candidates", hasSize(0));
    }

    @Test
    void aUnitNominatingACandidateTwiceCountsOnce() {
        Setup setup = nominationOpen("重复推荐小区", false);
        String wg = setup.wg();
        UUID election = setup.election();
        String id = nominate(wg, election, NOMINEES.get(0), "1号楼", "301").statusCode(201)
                .body("nominators", equalTo(1)).extract().path("id");
        // the same unit on a second form
        nominate(wg, election, NOMINEES.get(0), "1号楼", "301").statusCode(200)
                .body("id", equalTo(id)).body("nominators", equalTo(1));
        // and one form naming a new unit twice
        Map<String, Object> form = nominationBody(NOMINEES.get(0), "1号楼", "302");
        form.put("nominators", List.of(Map.of("building", "1号楼", "unit", "302"),
                Map.of("building", "1号楼", "unit", "302")));
        Api.as(wg).body(form).post("/api/elections/" + election + "/nominations").then().statusCode(200)
                .body("id", equalTo(id)).body("nominators", equalTo(2));
        Api.as(wg).get("/api/elections/" + election + "/candidates").then().statusCode(200)
                .body("candidates", hasSize(1)).body("candidates[0].nominators", equalTo(2));
    }

    @Test
    void aLaterReviewReplacesAnEarlierOne() {
        Setup setup = nominationOpen("复审小区", false);
        String wg = setup.wg();
        UUID election = setup.election();
        String candidates = "/api/elections/" + election + "/candidates";
        String id = nominate(wg, election, NOMINEES.get(0), "1号楼", "301").statusCode(201).extract().path("id");
        review(wg, election, id, Map.of("decision", "APPROVED")).statusCode(200).body("status", equalTo("APPROVED"));
        review(wg, election, id, Map.of("decision", "REJECTED", "reasonCategory", "FEE_OR_REPAIR_FUND_ARREARS",
                "reason", "欠缴物业费两年")).statusCode(200).body("status", equalTo("REJECTED"));
        Api.as(wg).get(candidates).then().statusCode(200).body("candidates", hasSize(1))
                .body("candidates[0].status", equalTo("REJECTED"))
                .body("candidates[0].reasonCategory", equalTo("FEE_OR_REPAIR_FUND_ARREARS"))
                .body("candidates[0].reason", equalTo("欠缴物业费两年"));
        // the arrears paid before nomination closed: approved again, and the rejection's grounds go with it
        review(wg, election, id, Map.of("decision", "APPROVED")).statusCode(200);
        Api.as(wg).get(candidates).then().statusCode(200).body("candidates", hasSize(1))
                .body("candidates[0].status", equalTo("APPROVED"))
                .body("candidates[0].reasonCategory", equalTo(null))
                .body("candidates[0].reason", equalTo(null));
        assertEquals(3L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "recordKey = ?1 and eventType = 'election.candidate-decided.v1'", election.toString())),
                "each decision is announced");
    }

    @Test
    void aReviewOutsideNominationIsRefused() {
        Setup drill = nominationOpen("审查时限小区", true);
        List<String> ids = nominateAndApprove(drill.wg(), drill.election());
        move(drill.wg(), drill.election(), "CANDIDATE_PUBLICITY").statusCode(200);
        review(drill.wg(), drill.election(), ids.get(0), Map.of("decision", "REJECTED", "reasonCategory", "OTHER",
                "reason", "公示后才提出")).statusCode(409)
                .body("type", equalTo("urn:ownersvote:problem:wrong-phase"))
                .body("detail", equalTo("Eligibility is reviewed while nomination is open; the election is in the "
                        + "candidate list publicity phase"));
        Api.as(drill.wg()).get("/api/elections/" + drill.election() + "/candidates").then().statusCode(200)
                .body("candidates.status", everyItem(equalTo("APPROVED")));
        assertEquals(5L, (long) QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "recordKey = ?1 and eventType = 'election.candidate-decided.v1'", drill.election().toString())),
                "the refused review is not announced");
    }

    @Test
    void anObjectionOutsideCandidatePublicityIsRefused() {
        Setup drill = nominationOpen("异议时限小区", true);
        String wg = drill.wg();
        UUID election = drill.election();
        String objections = "/api/elections/" + election + "/objections";
        Map<String, Object> objection = Map.of("objectingUnit", Map.of("building", "1号楼", "unit", "301"),
                "text", "候选人名单有误");
        Api.as(wg).body(objection).post(objections).then().statusCode(409)
                .body("type", equalTo("urn:ownersvote:problem:wrong-phase"))
                .body("detail", equalTo("Objections are lodged while the candidate list is public; the election is "
                        + "in the nomination phase"));
        nominateAndApprove(wg, election);
        move(wg, election, "CANDIDATE_PUBLICITY").statusCode(200);
        String id = Api.as(wg).body(objection).post(objections).then().statusCode(201).extract().path("id");
        Api.as(wg).body(Map.of("answer", "经核实，名单无误")).post(objections + "/" + id + "/answer").then()
                .statusCode(200);
        move(wg, election, "VOTING").statusCode(200);
        Api.as(wg).body(objection).post(objections).then().statusCode(409)
                .body("type", equalTo("urn:ownersvote:problem:wrong-phase"))
                .body("detail", equalTo("Objections are lodged while the candidate list is public; the election is "
                        + "in the voting phase"));
        Api.as(wg).get("/api/elections/" + election + "/candidates").then().statusCode(200)
                .body("objections", hasSize(1));
    }

    @Test
    void anotherCommunitysWorkingGroupGets403OnEveryEndpointWithAnId() {
        Setup setup = nominationOpen("越权小区", false);
        String wg = setup.wg();
        UUID election = setup.election();
        String candidate = nominate(wg, election, NOMINEES.get(0), "1号楼", "301").statusCode(201).extract().path("id");
        String foreign = Api.workingGroup(UUID.randomUUID());
        String base = "/api/elections/" + election;
        Api.as(foreign).get(base).then().statusCode(403);
        Api.as(foreign).get(base + "/candidates").then().statusCode(403);
        Api.as(foreign).body(Map.of("to", "CANDIDATE_PUBLICITY")).post(base + "/transitions").then().statusCode(403);
        Api.as(foreign).body(nominationBody(NOMINEES.get(1), "1号楼", "301")).post(base + "/nominations")
                .then().statusCode(403);
        Api.as(foreign).body(Map.of("decision", "APPROVED")).post(base + "/candidates/" + candidate + "/review")
                .then().statusCode(403);
        Api.as(foreign).body(Map.of("objectingUnit", Map.of("building", "1号楼", "unit", "301"), "text", "x"))
                .post(base + "/objections").then().statusCode(403);
        Api.as(foreign).body(Map.of("answer", "x")).post(base + "/objections/" + UUID.randomUUID() + "/answer")
                .then().statusCode(403);
        extend(foreign, election, 3, "x").statusCode(403);
        Api.as(wg).get(base + "/candidates").then().body("candidates[0].status", equalTo("NOMINATED"));
    }

    @Test
    void aStreetOfficeSeesTheElectionsOfItsOwnCommunitiesOnly() {
        UUID mine = Api.createCommunity("监督小区");
        UUID other = Api.createCommunity("别家小区");
        UUID election = createElection(mine, Api.workingGroup(mine), false);
        createElection(other, Api.workingGroup(other), false);
        String streetOffice = TestTokens.as("jiedao",
                Roles.STREET_OFFICE).oversees(mine).token();
        Api.as(streetOffice).queryParam("street", "真如镇街道").get("/api/elections").then().statusCode(200)
                .body("communityId", Matchers.everyItem(equalTo(mine.toString())))
                .body("id", Matchers.hasItem(election.toString()))
                .body("[0].phase", equalTo("DRAFT"));
        Api.as(streetOffice).get("/api/elections").then().statusCode(422);
        Api.as(Api.workingGroup(mine)).queryParam("street", "真如镇街道").get("/api/elections").then().statusCode(403);
        Api.as(streetOffice).body(Map.of("to", "NOMINATION")).post("/api/elections/" + election + "/transitions")
                .then().statusCode(403);
    }

    private static List<String> nominateAndApprove(String wg, UUID election) {
        List<String> ids = new ArrayList<>();
        for (String[] nominee : NOMINEES.subList(0, 5)) {
            String id = nominate(wg, election, nominee, "1号楼", "301").statusCode(201).extract().path("id");
            review(wg, election, id, Map.of("decision", "APPROVED")).statusCode(200);
            ids.add(id);
        }
        return ids;
    }

    private static void importSample(UUID community, String wg) {
        Api.as(wg).contentType("text/csv").body(RosterResourceTest.sample().getBytes(StandardCharsets.UTF_8))
                .put("/api/communities/" + community + "/roster").then().statusCode(200);
    }

    private static UUID createElection(UUID community, String wg, boolean drill) {
        Map<String, Object> body = new HashMap<>(Api.electionBody(community));
        body.put("rulePack", "SH-2020");
        body.put("drill", drill);
        body.put("motions", List.of(Map.of("title", "通过《业主大会议事规则》", "threshold", "MAJORITY"),
                Map.of("title", "使用专项维修资金更换电梯", "threshold", "SPECIAL")));
        return UUID.fromString(Api.as(wg).body(body).post("/api/elections").then().statusCode(201)
                .extract().path("id"));
    }

    private static ValidatableResponse move(String wg, UUID election, String to) {
        return Api.as(wg).body(Map.of("to", to)).post("/api/elections/" + election + "/transitions").then();
    }

    /** A request of the working group's Chinese web client. */
    private static RequestSpecification inChinese(String wg) {
        return Api.as(wg).header("Accept-Language", "zh-CN,zh;q=0.9");
    }

    private static ValidatableResponse moveWithReason(String wg, UUID election, String to, String reason) {
        return Api.as(wg).body(Map.of("to", to, "reason", reason)).post("/api/elections/" + election + "/transitions")
                .then();
    }

    private static Map<String, Object> nominationBody(String[] nominee, String byBuilding, String byUnit) {
        Map<String, Object> body = new HashMap<>();
        body.put("unit", Map.of("building", nominee[0], "unit", nominee[1]));
        body.put("name", nominee[2]);
        body.put("statement", "愿为业主服务");
        body.put("nominators", List.of(Map.of("building", byBuilding, "unit", byUnit)));
        body.put("commitmentReceived", true);
        return body;
    }

    private static ValidatableResponse nominate(String wg, UUID election, String[] nominee, String byBuilding,
            String byUnit) {
        return Api.as(wg).body(nominationBody(nominee, byBuilding, byUnit))
                .post("/api/elections/" + election + "/nominations").then();
    }

    private static ValidatableResponse review(String wg, UUID election, String candidate, Map<String, Object> body) {
        return Api.as(wg).body(body).post("/api/elections/" + election + "/candidates/" + candidate + "/review").then();
    }
}
