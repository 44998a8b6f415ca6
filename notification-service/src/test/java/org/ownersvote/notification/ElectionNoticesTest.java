package org.ownersvote.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.events.Topics;
import org.ownersvote.events.ballot.TallyFinalized;
import org.ownersvote.events.ballot.TallyResult;
import org.ownersvote.events.election.BallotCandidate;
import org.ownersvote.events.election.BallotMotion;
import org.ownersvote.events.election.CandidateListPublished;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.events.election.ObjectionAnswered;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.events.election.VotingDeadlineExtended;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.platform.testing.KafkaTopics;
import org.ownersvote.platform.testing.TestEvents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Each election event that calls for a notice posts one, in Chinese and English, with the event's figures. */
@QuarkusTest
class ElectionNoticesTest {

    /** Ends of periods as election-service computes them: 24:00 (Beijing) of the last day, stored as an instant. */
    static final OffsetDateTime PUBLICITY_ENDS = OffsetDateTime.parse("2026-12-16T16:00:00Z"); // 17 Dec 00:00 Beijing
    static final OffsetDateTime DEADLINE = OffsetDateTime.parse("2027-01-05T16:00:00Z");
    static final OffsetDateTime EXTENDED = OffsetDateTime.parse("2027-01-12T16:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void everyStepOfTheElectionIsAnnouncedOnTheBoardInBothLanguages() {
        UUID community = UUID.randomUUID();
        UUID election = UUID.randomUUID();
        List<BallotCandidate> candidates = List.of(new BallotCandidate(UUID.randomUUID(), 1, "丁一", "1号楼", "101", ""),
                new BallotCandidate(UUID.randomUUID(), 2, "王二", "2号楼", "202", ""));
        send(election, new ElectionCreated(election, community, "真如佳苑", "第三届业主委员会选举", "SH-2020", 5, 2, 14,
                false));
        send(election, new PhaseChanged(election, community, "DRAFT", "NOMINATION", OffsetDateTime.now(), false, null,
                null));
        send(election, new CandidateListPublished(election, community, PUBLICITY_ENDS, candidates, false));
        send(election, new ObjectionAnswered(election, community, UUID.randomUUID(), candidates.get(1).candidateId(),
                "王二不是本小区业主", "经核对不动产登记，王二为2号楼202室业主，异议不成立", false));
        send(election, new VotingOpened(election, community, "SH-2020", 5, 2, DEADLINE, 1, candidates,
                List.of(new BallotMotion(UUID.randomUUID(), 1, "通过《业主大会议事规则》", "MAJORITY")), false));
        send(election, new VotingDeadlineExtended(election, community, DEADLINE, EXTENDED, "部分业主春节返乡", false));
        send(election, new PhaseChanged(election, community, "COUNTING", "FAILED", OffsetDateTime.now(), false, null,
                "参与人数不足三分之二"));
        awaitNotices(community, 7);

        Map<String, Map<String, Object>> zh = byKind(community, "zh");
        assertEquals(7, zh.size());
        assertEquals("真如佳苑业主委员会委员候选人推荐公告", zh.get("NOMINATION_OPEN").get("title"));
        String list = (String) zh.get("CANDIDATE_LIST").get("body");
        assertTrue(list.indexOf("1. 丁一（1号楼 101）") < list.indexOf("2. 王二（2号楼 202）") && list.contains("丁一"), list);
        assertTrue(list.contains("公示期至2026年12月16日24时"), list);
        assertEquals(PUBLICITY_ENDS.toInstant().toString(),
                OffsetDateTime.parse((String) zh.get("CANDIDATE_LIST").get("publicityEndsAt")).toInstant().toString());
        assertTrue(((String) zh.get("OBJECTION_ANSWERED").get("body")).contains("异议不成立"));
        String voting = (String) zh.get("VOTING_OPEN").get("body");
        assertTrue(voting.contains("投票截止时间为2027年1月5日24时") && voting.contains("从2名候选人中选举委员5名、候补委员2名")
                && voting.contains("同时表决1项事项") && voting.contains("验证码"), voting);
        assertTrue(((String) zh.get("DEADLINE_EXTENDED").get("body"))
                .contains("由2027年1月5日24时延长至2027年1月12日24时"));
        assertTrue(((String) zh.get("ELECTION_FAILED").get("body")).contains("参与人数不足三分之二"));

        Map<String, Map<String, Object>> en = byKind(community, "en");
        assertEquals("真如佳苑: voting for the owners' committee is open", en.get("VOTING_OPEN").get("title"));
        assertTrue(((String) en.get("VOTING_OPEN").get("body")).contains("open until 24:00 on 5 January 2027, Beijing time"));
        assertTrue(((String) en.get("ELECTION_STARTED").get("body"))
                .contains("Shanghai Residential Property Management Regulations"));
    }

    @Test
    void aRedeliveredEventPostsNoSecondNoticeAndADrillIsMarkedInBothLanguages() {
        UUID community = UUID.randomUUID();
        UUID election = UUID.randomUUID();
        send(election, new ElectionCreated(election, community, "演练小区", "新人培训", "CN-2021", 5, 0, 14, true));
        String nomination = TestEvents.envelope(UUID.randomUUID().toString(), election, new PhaseChanged(election,
                community, "DRAFT", "NOMINATION", OffsetDateTime.now(), true, null, null));
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, election.toString(), nomination);
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, election.toString(), nomination);
        send(election, new PhaseChanged(election, community, "NOMINATION", "CANDIDATE_PUBLICITY", OffsetDateTime.now(),
                true, null, null)); // no notice of its own: the candidate list announces it
        send(election, new PhaseChanged(election, community, "CANDIDATE_PUBLICITY", "FAILED", OffsetDateTime.now(),
                true, null, null));
        awaitNotices(community, 3);
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertEquals(3L, (long) QuarkusTransaction.requiringNew().call(() -> Notice.boardSize(community)));
        assertTrue(((String) byKind(community, "zh").get("NOMINATION_OPEN").get("title")).startsWith("【演练】"));
        assertTrue(((String) byKind(community, "en").get("NOMINATION_OPEN").get("title")).startsWith("[DRILL] "));
    }

    @Test
    void aNoticePrintsAsAnA4PageAndAnotherCommunitysNoticeIsNotFound() {
        UUID community = UUID.randomUUID();
        UUID election = UUID.randomUUID();
        send(election, new ElectionCreated(election, community, "打印小区", "第一届业主委员会选举", "SH-2020", 5, 0, 14,
                false));
        send(election, new CandidateListPublished(election, community, PUBLICITY_ENDS,
                List.of(new BallotCandidate(UUID.randomUUID(), 1, "方杰", "1号楼", "101", "")), false));
        awaitNotices(community, 2);
        String id = (String) byKind(community, "zh").get("CANDIDATE_LIST").get("id");
        given().get("/api/communities/" + community + "/notices/" + id + "/print").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("size: A4"))
                .body(containsString("<h1>打印小区业主委员会委员候选人名单公示</h1>"))
                .body(containsString("公示期至：2026年12月16日24时"));
        given().queryParam("lang", "en").get("/api/communities/" + community + "/notices/" + id + "/print").then()
                .statusCode(200).body(containsString("On display until 24:00 on 16 December 2026, Beijing time"));
        given().get("/api/communities/" + UUID.randomUUID() + "/notices/" + id + "/print").then().statusCode(404);
        given().queryParam("lang", "fr").get("/api/communities/" + community + "/notices").then().statusCode(422);
    }

    @Test
    void theResultNoticePrintsTheTallysFiguresAndTheLedgerHash() {
        UUID community = UUID.randomUUID();
        UUID election = UUID.randomUUID();
        send(election, new ElectionCreated(election, community, "结果小区", "第二届业主委员会选举", "CN-2021", 3, 0, 14,
                false));
        awaitNotices(community, 1); // the tally travels on another topic: let the election be known first
        // DOMAIN.md's worked example
        TallyResult result = new TallyResult("CN-2021", new TallyResult.Figures(8, new BigDecimal("690.00"), 6),
                new TallyResult.Figures(6, new BigDecimal("560.00"), 5), new BigDecimal("83.33"),
                new BigDecimal("81.16"), true, true, true, List.of(
                        candidate("甲", 3, "390.00", "60.00", "69.64", "ELECTED"),
                        candidate("乙", 2, "280.00", "40.00", "50.00", "NOT_PASSED"),
                        candidate("丙", 2, "140.00", "40.00", "25.00", "NOT_PASSED"),
                        candidate("丁", 3, "350.00", "60.00", "62.50", "ELECTED")),
                List.of(), 1);
        KafkaTopics.send(bootstrap, Topics.BALLOT_EVENTS, election.toString(), TestEvents.envelope(
                UUID.randomUUID().toString(), election, new TallyFinalized(election, true, "ab".repeat(32),
                        OffsetDateTime.now(), result)));
        awaitNotices(community, 2);
        String zh = (String) byKind(community, "zh").get("RESULT").get("body");
        assertTrue(zh.contains("本小区业主共6人，专有部分总面积690.00平方米"), zh);
        assertTrue(zh.contains("参与表决的业主5人，占总人数的83.33%；参与表决的专有部分面积560.00平方米，占总面积的81.16%"), zh);
        assertTrue(zh.contains("甲（1号楼 101）：3人，60.00%；390.00平方米，69.64%，当选"), zh);
        assertTrue(zh.contains("乙（1号楼 101）：2人，40.00%；280.00平方米，50.00%\n"), "no outcome for B: " + zh);
        assertTrue(zh.contains("当选委员：甲、丁。尚有1名委员空缺，需进行补选。"), zh);
        assertTrue(zh.contains("计票账本哈希：" + "ab".repeat(32)), zh);
        String en = (String) byKind(community, "en").get("RESULT").get("body");
        assertTrue(en.contains("Elected: 甲, 丁. 1 seats are vacant"), en);
    }

    private static TallyResult.Candidate candidate(String name, long heads, String area, String headsPercent,
            String areaPercent, String outcome) {
        return new TallyResult.Candidate(UUID.randomUUID(), name, "1号楼", "101", heads, new BigDecimal(area),
                new BigDecimal(headsPercent), new BigDecimal(areaPercent), outcome);
    }

    private static Map<String, Map<String, Object>> byKind(UUID community, String language) {
        List<Map<String, Object>> items = given().queryParam("lang", language).queryParam("size", 100)
                .get("/api/communities/" + community + "/notices").then().statusCode(200).extract().path("items");
        Map<String, Map<String, Object>> byKind = new java.util.HashMap<>();
        items.forEach(item -> byKind.put((String) item.get("kind"), item));
        return byKind;
    }

    private void send(UUID election, Record payload) {
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, election.toString(),
                TestEvents.envelope(UUID.randomUUID().toString(), election, payload));
    }

    private static void awaitNotices(UUID community, long count) {
        await().atMost(Duration.ofSeconds(30)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> Notice.boardSize(community)), n -> n >= count);
    }
}
