package org.ownersvote.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.events.Topics;
import org.ownersvote.events.election.BallotCandidate;
import org.ownersvote.events.election.BallotMotion;
import org.ownersvote.events.election.CandidateListPublished;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.events.election.ObjectionAnswered;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.events.election.VotingDeadlineExtended;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.notification.repository.NoticeRepository;
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

    @Inject
    NoticeRepository notices;

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
        assertTrue(((String) en.get("VOTING_OPEN").get("body"))
                .contains("open until 24:00 on 5 January 2027, Beijing time"));
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
        assertEquals(3L, (long) QuarkusTransaction.requiringNew().call(() -> notices.boardSize(community)));
        assertDrillMarked(community, "NOMINATION_OPEN");
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
    void theResultNoticeAppearsWhenTheWorkingGroupPublishesTheResultNotAtFinalization() {
        UUID community = UUID.randomUUID();
        UUID election = started(community, "结果小区", false); // the tally travels on another topic: known first
        Tallies.send(bootstrap, election, Tallies.elected());
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> NoticeElection.<NoticeElection>findById(election).finalTally != null));
        settle();
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> notices.boardSize(community)),
                "the chief scrutineer's finalization posts nothing: the working group has not published yet");

        String published = TestEvents.envelope(UUID.randomUUID().toString(), election, new PhaseChanged(election,
                community, "COUNTING", "RESULT_PUBLICITY", OffsetDateTime.now(), false, DEADLINE, null));
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, election.toString(), published);
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

        // the same publication delivered again, the tally delivered again, the move to CLOSED: still one result
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, election.toString(), published);
        Tallies.send(bootstrap, election, Tallies.elected());
        send(election, new PhaseChanged(election, community, "RESULT_PUBLICITY", "CLOSED", OffsetDateTime.now(), false,
                DEADLINE, null));
        settle();
        assertEquals(List.of("ELECTION_STARTED", "RESULT"), kinds(community));
    }

    @Test
    void aPublicationArrivingBeforeTheTallyPostsTheResultWhenTheTallyComesAndADrillsIsMarked() {
        UUID community = UUID.randomUUID();
        UUID election = started(community, "演练小区", true);
        // a drill reaches RESULT_PUBLICITY without certification (no election.result-certified): the phase change
        // is what publishes; here it overtakes the tally, which travels on the other topic
        send(election, new PhaseChanged(election, community, "COUNTING", "RESULT_PUBLICITY", OffsetDateTime.now(), true,
                DEADLINE, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> "RESULT_PUBLICITY".equals(NoticeElection.<NoticeElection>findById(election).phase)));
        assertEquals(List.of("ELECTION_STARTED"), kinds(community), "no figures yet, no result notice");
        Tallies.send(bootstrap, election, Tallies.elected());
        awaitNotices(community, 2);
        settle();
        assertEquals(List.of("ELECTION_STARTED", "RESULT"), kinds(community));
        assertDrillMarked(community, "RESULT");
    }

    @Test
    void aFailedElectionPostsOneFailureNoticeWithItsFiguresAndNoResultNotice() {
        UUID community = UUID.randomUUID();
        UUID election = started(community, "无效小区", false);
        Tallies.send(bootstrap, election, Tallies.quorumNotMet());
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> NoticeElection.<NoticeElection>findById(election).finalTally != null));
        String failed = TestEvents.envelope(UUID.randomUUID().toString(), election, new PhaseChanged(election,
                community, "COUNTING", "FAILED", OffsetDateTime.now(), false, DEADLINE, "参与人数不足三分之二"));
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, election.toString(), failed);
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, election.toString(), failed);
        awaitNotices(community, 2);
        Tallies.send(bootstrap, election, Tallies.quorumNotMet()); // a redelivered tally after the failure
        settle();
        assertEquals(List.of("ELECTION_FAILED", "ELECTION_STARTED"), kinds(community),
                "one outcome notice: the failure, never a result notice beside it");
        String zh = (String) byKind(community, "zh").get("ELECTION_FAILED").get("body");
        assertTrue(zh.contains("参与表决的业主3人，占总人数的50.00%；参与表决的专有部分面积300.00平方米，占总面积的43.48%。"), zh);
        assertTrue(zh.contains("说明：参与人数不足三分之二"), zh);
        assertTrue(((String) byKind(community, "en").get("ELECTION_FAILED").get("body"))
                .contains("3 owners took part (50.00% of owners), with 300.00 m² (43.48% of the area)."));
    }

    @Test
    void anElectionWhoseResultWasPostedAtFinalizationBeforeTheUpgradeGetsNoSecondOutcomeNotice() {
        UUID community = UUID.randomUUID();
        UUID election = started(community, "升级小区", false);
        QuarkusTransaction.requiringNew().run(() -> { // as the earlier version posted it, keyed by the tally event
            Notice legacy = new Notice();
            legacy.id = UUID.randomUUID();
            legacy.communityId = community;
            legacy.electionId = election;
            legacy.kind = Notice.Kind.RESULT;
            legacy.title = legacy.titleEn = "升级小区业主委员会选举结果公告";
            legacy.body = legacy.bodyEn = "参与表决的人数未达到三分之二，本次选举无效，未产生委员。";
            legacy.drill = false;
            legacy.publishedAt = OffsetDateTime.now();
            legacy.sourceEventId = UUID.randomUUID().toString();
            legacy.persist();
        });
        send(election, new PhaseChanged(election, community, "COUNTING", "FAILED", OffsetDateTime.now(), false,
                DEADLINE, "参与人数不足三分之二"));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> "FAILED".equals(NoticeElection.<NoticeElection>findById(election).phase)));
        settle();
        assertEquals(List.of("ELECTION_STARTED", "RESULT"), kinds(community));
    }

    @Test
    void closingVotingBeforeTheDeadlineIsAnnouncedWithTheReasonAndClosingAtTheDeadlineIsNot() {
        UUID community = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        send(early, new ElectionCreated(early, community, "提前小区", "第二届业主委员会选举", "CN-2021", 3, 0, 14, false));
        send(early, new PhaseChanged(early, community, "VOTING", "COUNTING",
                OffsetDateTime.parse("2027-01-03T04:30:00Z"), false, DEADLINE, "全部选票已收回"));
        UUID onTime = UUID.randomUUID();
        send(onTime, new ElectionCreated(onTime, community, "提前小区", "第三届业主委员会选举", "CN-2021", 3, 0, 14, false));
        send(onTime, new PhaseChanged(onTime, community, "VOTING", "COUNTING", DEADLINE.plusMinutes(5), false,
                DEADLINE, null));
        awaitNotices(community, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> "COUNTING".equals(NoticeElection.<NoticeElection>findById(onTime).phase)));
        settle();
        assertEquals(List.of("ELECTION_STARTED", "ELECTION_STARTED", "VOTING_CLOSED_EARLY"), kinds(community));
        Map<String, Object> zh = byKind(community, "zh").get("VOTING_CLOSED_EARLY");
        assertEquals("提前小区关于提前结束投票的公告", zh.get("title"));
        String body = (String) zh.get("body");
        assertTrue(body.contains("“第二届业主委员会选举”投票于2027年1月3日 12:30提前结束（原定截止时间为2027年1月5日24时）"), body);
        assertTrue(body.contains("原因：全部选票已收回"), body);
        String en = (String) byKind(community, "en").get("VOTING_CLOSED_EARLY").get("body");
        assertTrue(en.contains("early, at 3 Jan 2027, 12:30 (Beijing time) (the deadline was 24:00 on 5 January 2027, "
                + "Beijing time)") && en.contains("Reason: 全部选票已收回"), en);
    }

    private static void assertDrillMarked(UUID community, String kind) {
        String zh = (String) byKind(community, "zh").get(kind).get("title");
        String en = (String) byKind(community, "en").get(kind).get("title");
        assertTrue(zh.startsWith("【演练】") && en.startsWith("[DRILL] "), zh + " / " + en);
    }

    /** An election of the community whose start notice is on the board. */
    private UUID started(UUID community, String communityName, boolean drill) {
        UUID election = UUID.randomUUID();
        send(election, new ElectionCreated(election, community, communityName, "第二届业主委员会选举", "CN-2021", 3, 0,
                14, drill));
        awaitNotices(community, 1);
        return election;
    }

    /** The kinds of the community's notices, sorted. */
    private static List<String> kinds(UUID community) {
        List<String> kinds = given().queryParam("size", 100).get("/api/communities/" + community + "/notices").then()
                .statusCode(200).extract().path("items.kind");
        return kinds.stream().sorted().toList();
    }

    /** Lets events still in flight arrive before asserting that something did not happen. */
    private static void settle() {
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
    }

    private static Map<String, Map<String, Object>> byKind(UUID community, String language) {
        List<Map<String, Object>> items = given().queryParam("lang", language).queryParam("size", 100)
                .get("/api/communities/" + community + "/notices").then().statusCode(200).extract().path("items");
        Map<String, Map<String, Object>> byKind = new HashMap<>();
        items.forEach(item -> byKind.put((String) item.get("kind"), item));
        return byKind;
    }

    private void send(UUID election, Record payload) {
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, election.toString(),
                TestEvents.envelope(UUID.randomUUID().toString(), election, payload));
    }

    private void awaitNotices(UUID community, long count) {
        await().atMost(Duration.ofSeconds(30)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> notices.boardSize(community)), n -> n >= count);
    }
}
