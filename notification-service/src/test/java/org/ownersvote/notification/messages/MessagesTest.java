package org.ownersvote.notification.messages;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ownersvote.events.election.ContactsChunk;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.notification.Message;
import org.ownersvote.notification.NoticeElection;
import org.ownersvote.notification.Tallies;
import org.ownersvote.notification.service.Campaigns;
import org.ownersvote.notification.service.ContactBook;
import org.ownersvote.notification.service.Dispatcher;
import org.ownersvote.platform.audit.AuditEntry;
import org.ownersvote.platform.testing.TestTokens;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Messages reach owners over real SMTP and HTTP providers, once each, at decent hours, and failures show. */
@QuarkusTest
class MessagesTest {

    /** 10:00 in Beijing. */
    static final Instant DAYTIME = Instant.parse("2026-12-20T02:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    ContactBook book;

    @Inject
    Dispatcher dispatcher;

    @BeforeEach
    void daytime() {
        clock.runFrom(DAYTIME);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void votingOpenReachesEveryOwnerEmailAndGroupOnceThoughTheEventIsDeliveredTwice() {
        String p1 = MessageFixture.phone();
        String p2 = MessageFixture.phone();
        MessageFixture f = MessageFixture.create(book, List.of(MessageFixture.unit("1号楼", "101", p1),
                MessageFixture.unit("1号楼", "102", p2), MessageFixture.unit("2号楼", "201", null)));
        String email = "owner-" + f.election() + "@example.cn";
        String robotKey = "robot-" + f.election();
        f.recipients(Map.of("ownerEmails", List.of(Map.of("building", "2号楼", "unit", "201", "email", email)),
                "groups", List.of(Map.of("name", "真如佳苑业主群", "webhookKey", robotKey)),
                "buildingLeaders", List.of()));

        String voting = f.openVoting(OffsetDateTime.parse("2026-12-25T16:00:00Z")); // 24:00 on 25 Dec, Beijing
        f.deliverAgain(voting);

        await().atMost(Duration.ofSeconds(30)).until(() -> Providers.smsTo(p1).size() == 1
                && Providers.smsTo(p2).size() == 1 && Providers.mailsTo(email).size() == 1
                && robotMessages(robotKey).size() == 1);
        Map<String, Object> sms = Providers.smsTo(p1).get(0);
        assertEquals("SMS_VOTING_OPEN_01", sms.get("templateId"));
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) sms.get("params");
        assertEquals("1号楼 101", params.get("unit"));
        assertEquals("2026年12月25日24时", params.get("deadline"));
        Map<String, Object> mail = Providers.mailsTo(email).get(0);
        assertEquals("真如佳苑业主委员会选举开始投票", mail.get("subject"));
        assertTrue(((String) mail.get("body")).contains("2号楼 201的选票由楼组长上门送达"), (String) mail.get("body"));
        assertTrue(((String) robotMessages(robotKey).get(0).get("content")).startsWith("**真如佳苑业主委员会选举开始投票**"));

        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertEquals(1, Providers.smsTo(p1).size());
        assertEquals(1, Providers.mailsTo(email).size());
        assertEquals(1, robotMessages(robotKey).size());
        List<Message> messages = f.messages();
        assertEquals(4, messages.size(), "two texts, one email, one group; the unit without a phone gets no text");
        assertTrue(messages.stream().allMatch(m -> m.status == Message.Status.SENT));
    }

    @Test
    void theResultGoesToOwnersWhenPublishedAndAFailedElectionSendsOnlyItsFailure() {
        String phone = MessageFixture.phone();
        MessageFixture f = MessageFixture.create(book, List.of(MessageFixture.unit("1号楼", "101", phone)));
        String bootstrap = ConfigProvider.getConfig()
                .getValue("kafka.bootstrap.servers", String.class);
        Tallies.send(bootstrap, f.election(), Tallies.elected());
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> NoticeElection.<NoticeElection>findById(f.election()).finalTally != null));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertEquals(List.of(), f.messages(Message.Purpose.RESULT), "not at finalization: nothing is published yet");
        f.send(new PhaseChanged(f.election(), f.community(), "COUNTING", "RESULT_PUBLICITY", OffsetDateTime.now(),
                false, null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> f.messages(Message.Purpose.RESULT).size() == 1);
        assertTrue(f.messages(Message.Purpose.RESULT).get(0).body.contains("当选委员：甲、丁。"));

        MessageFixture failed = MessageFixture.create(book, List.of(MessageFixture.unit("1号楼", "101", phone)));
        Tallies.send(bootstrap, failed.election(), Tallies.quorumNotMet());
        failed.send(new PhaseChanged(failed.election(), failed.community(), "COUNTING", "FAILED", OffsetDateTime.now(),
                false, null, "参与人数不足"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> failed.messages(Message.Purpose.ELECTION_FAILED).size() == 1);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertEquals(1, failed.messages().size(), "the failure only, no result message beside it");
    }

    @Test
    void anEmailWaitsWhileTheSmtpServerIsDownAndIsDeliveredOnceWhenItIsBack() {
        MessageFixture f = MessageFixture.create(book, List.of(MessageFixture.unit("3号楼", "301", null)));
        String email = "down-" + f.election() + "@example.cn";
        f.recipients(Map.of("ownerEmails", List.of(Map.of("building", "3号楼", "unit", "301", "email", email)),
                "groups", List.of(), "buildingLeaders", List.of()));
        Providers.smtpDown();
        try {
            f.openVoting(OffsetDateTime.parse("2026-12-25T10:00:00Z"));
            Message retrying = await().atMost(Duration.ofSeconds(30)).until(() -> only(f.messages()),
                    m -> m != null && m.attempts >= 2);
            assertEquals(Message.Status.PENDING, retrying.status, "a server that is down is tried again");
            assertTrue(retrying.lastError.startsWith("SMTP"), retrying.lastError);
        } finally {
            Providers.smtpUp();
        }
        Message sent = await().atMost(Duration.ofSeconds(30)).until(() -> only(f.messages()),
                m -> m != null && m.status == Message.Status.SENT);
        assertEquals(1, Providers.mailsTo(email).size());
        given().auth().oauth2(f.workingGroup()).get("/api/elections/" + f.election() + "/messages/" + sent.id)
                .then().statusCode(200)
                .body("address", equalTo("d***@example.cn"))
                .body("history[0].outcome", equalTo("RETRY"))
                .body("history[-1].outcome", equalTo("DELIVERED"));
    }

    @Test
    void aMessageDueAt23WaitsUntil08BeijingTime() {
        clock.set(Instant.parse("2026-12-20T15:00:00Z")); // 23:00 in Beijing
        String phone = MessageFixture.phone();
        MessageFixture f = MessageFixture.create(book, List.of(MessageFixture.unit("1号楼", "101", phone)));
        f.openVoting(OffsetDateTime.parse("2026-12-25T10:00:00Z"));
        Message waiting = await().atMost(Duration.ofSeconds(30)).until(() -> only(f.messages()),
                m -> m != null && m.nextAttemptAt.equals(Instant.parse("2026-12-21T00:00:00Z")));
        dispatcher.deliverDue();
        assertEquals(Message.Status.PENDING, only(f.messages()).status);
        assertEquals(0, waiting.attempts, "postponing for quiet hours is not an attempt");
        assertEquals(List.of(), Providers.smsTo(phone));

        clock.set(Instant.parse("2026-12-20T23:59:59Z")); // 07:59:59
        dispatcher.deliverDue();
        assertEquals(List.of(), Providers.smsTo(phone));
        clock.set(Instant.parse("2026-12-21T00:00:00Z")); // 08:00
        await().atMost(Duration.ofSeconds(30)).until(() -> Providers.smsTo(phone).size() == 1);
    }

    @Test
    void remindersGoOnlyToOwnersWhoHaveNotVotedAndLeadersGetTheirWorklist() {
        ContactsChunk.Contact returned = MessageFixture.unit("1号楼", "101", MessageFixture.phone());
        ContactsChunk.Contact castOnline = MessageFixture.unit("1号楼", "102", MessageFixture.phone());
        ContactsChunk.Contact handedOut = MessageFixture.unit("1号楼", "103", MessageFixture.phone());
        ContactsChunk.Contact undeliverable = MessageFixture.unit("1号楼", "104", MessageFixture.phone());
        ContactsChunk.Contact untouched = MessageFixture.unit("1号楼", "1005", MessageFixture.phone());
        ContactsChunk.Contact noAnswer = MessageFixture.unit("1号楼", "1004", MessageFixture.phone());
        ContactsChunk.Contact otherBuilding = MessageFixture.unit("2号楼", "201", MessageFixture.phone());
        // listed out of order: worklists and the undeliverable notice list units in natural order (104 before 1004)
        MessageFixture f = MessageFixture.create(book, List.of(untouched, returned, castOnline, handedOut, noAnswer,
                undeliverable, otherBuilding));
        String leaderPhone = MessageFixture.phone();
        f.recipients(Map.of("ownerEmails", List.of(), "groups", List.of(), "buildingLeaders",
                List.of(Map.of("name", "张楼长", "phone", leaderPhone, "buildings", List.of("1号楼")))));
        f.openVoting(OffsetDateTime.ofInstant(DAYTIME.plus(Duration.ofDays(2)), ZoneOffset.UTC));
        await().atMost(Duration.ofSeconds(30)).until(() -> f.messages(Message.Purpose.VOTING_OPEN).size() == 7);
        for (ContactsChunk.Contact c : List.of(returned, castOnline, handedOut, undeliverable, noAnswer)) {
            f.step(c, "HANDOUT", null);
        }
        f.step(returned, "RETURN", null);
        f.step(castOnline, "VOID", null); // voided and replaced, then the owner voted online
        f.step(castOnline, "CAST", null);
        f.step(undeliverable, "UNDELIVERABLE", "房屋空置");
        f.step(noAnswer, "UNDELIVERABLE", "无人应门");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) Message
                        .getEntityManager().createNativeQuery(
                                "select count(*) from unit_ballot where election_id = ?1 and status in "
                                        + "('RETURNED', 'CAST_ONLINE', 'UNDELIVERABLE')")
                        .setParameter(1, f.election()).getSingleResult()).intValue() == 4));

        campaigns().run();
        campaigns().run(); // a second run, as another instance or the next tick would: nothing new

        List<String> reminded = f.messages(Message.Purpose.REMINDER).stream().map(m -> m.recipient).sorted().toList();
        assertEquals(List.of("1号楼 1004", "1号楼 1005", "1号楼 103", "1号楼 104", "2号楼 201"), reminded);
        await().atMost(Duration.ofSeconds(30)).until(() -> Providers.smsTo(handedOut.phone()).size() == 2
                && Providers.smsTo(leaderPhone).size() == 1);
        assertEquals(1, Providers.smsTo(returned.phone()).size(), "only the voting-open text");
        assertEquals(1, Providers.smsTo(castOnline.phone()).size(), "only the voting-open text");
        @SuppressWarnings("unchecked")
        Map<String, Object> worklist = (Map<String, Object>) Providers.smsTo(leaderPhone).get(0).get("params");
        assertEquals("3", worklist.get("toVisit"));
        assertEquals("1号楼 104、1号楼 1004、1号楼 1005", worklist.get("visitUnits"));
        assertEquals("1", worklist.get("toCollect"));
        assertEquals("1号楼 103", worklist.get("collectUnits"));

        List<Map<String, Object>> board = given().get("/api/communities/" + f.community() + "/notices").then()
                .statusCode(200).extract().path("items");
        Map<String, Object> notice = board.stream().filter(n -> "UNDELIVERABLE_BALLOTS".equals(n.get("kind")))
                .findFirst().orElseThrow();
        String body = (String) notice.get("body");
        assertTrue(body.contains("1. 1号楼 104（房屋空置）") && body.contains("2. 1号楼 1004（无人应门）"), body);
        assertEquals(1, board.stream().filter(n -> "UNDELIVERABLE_BALLOTS".equals(n.get("kind"))).count());
    }

    @Test
    void aRefusedSmsShowsItsReasonAndCanBeResent() {
        String phone = MessageFixture.phone();
        MessageFixture f = MessageFixture.create(book, List.of(MessageFixture.unit("1号楼", "101", phone)));
        Providers.refuseSms(phone);
        f.openVoting(OffsetDateTime.parse("2026-12-25T10:00:00Z"));
        Message failed = await().atMost(Duration.ofSeconds(30)).until(() -> only(f.messages()),
                m -> m != null && m.status == Message.Status.FAILED);
        assertEquals(1, failed.attempts, "a refused number is not tried again by itself");

        given().auth().oauth2(f.workingGroup()).queryParam("status", "FAILED")
                .get("/api/elections/" + f.election() + "/messages").then().statusCode(200)
                .body("total", equalTo(1))
                .body("byStatus.FAILED", equalTo(1))
                .body("items[0].lastError", containsString("MOBILE_NUMBER_ILLEGAL"))
                .body("items[0].address", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)));
        given().auth().oauth2(f.workingGroup()).queryParam("status", "SENT")
                .get("/api/elections/" + f.election() + "/messages").then().statusCode(200).body("total", equalTo(0));
        // an operator sees the refusal as a figure per channel, never the number
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("ownersvote_messages_total{channel=\"SMS\",outcome=\"failed\"}"))
                .body(not(containsString(phone)));

        Providers.acceptSms(phone);
        // sent twice with one Idempotency-Key (a retry): one new round, the second answer is the first again
        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(f.workingGroup()).header("Idempotency-Key", key)
                .post("/api/elections/" + f.election() + "/messages/" + failed.id + "/resend");
        first.then().statusCode(200).body("round", equalTo(2));
        Response again = given().auth().oauth2(f.workingGroup())
                .header("Idempotency-Key", key)
                .post("/api/elections/" + f.election() + "/messages/" + failed.id + "/resend");
        again.then().statusCode(200).header("Idempotent-Replayed", "true").body("round", equalTo(2));
        assertEquals(first.asString(), again.asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> Providers.smsTo(phone).size() == 1);
        assertEquals(1L,
                (long) QuarkusTransaction.requiringNew()
                        .call(() -> AuditEntry.count("subjectId = ?1 and action = 'message.resent'",
                                failed.id.toString())),
                "resent once");
        assertEquals(failed.id + ":2", Providers.smsTo(phone).get(0).get("requestId"));
        await().atMost(Duration.ofSeconds(10)).until(() -> only(f.messages()).status == Message.Status.SENT);
        given().auth().oauth2(f.workingGroup()).post("/api/elections/" + f.election() + "/messages/" + failed.id
                + "/resend").then().statusCode(409)
                .body("title", equalTo("Message cannot be resent"))
                .body("detail", equalTo("This message has been sent; only a message that failed or whose delivery "
                        + "is unconfirmed can be resent"));
        given().auth().oauth2(f.workingGroup()).header("Accept-Language", CHINESE)
                .post("/api/elections/" + f.election() + "/messages/" + failed.id + "/resend").then().statusCode(409)
                .body("type", equalTo("urn:ownersvote:problem:message-not-failed"))
                .body("title", equalTo("这条消息不能重发"))
                .body("detail", equalTo("这条消息已经发送成功，只有发送失败或未确认送达的消息才能重发"));
    }

    static final String CHINESE = "zh-CN,zh;q=0.9";

    @Test
    void mistakesInTheRecipientsListAreExplainedInTheCallersLanguage() {
        MessageFixture f = MessageFixture.create(book, List.of(MessageFixture.unit("1号楼", "101", null)));
        String path = "/api/elections/" + f.election() + "/messages/recipients";
        Map<String, Object> twice = Map.of(
                "ownerEmails", List.of(Map.of("building", "1号楼", "unit", "101", "email", "a@b.cn"),
                        Map.of("building", "1号楼", "unit", "101", "email", "c@d.cn")),
                "groups", List.of(Map.of("name", "三期业主群", "webhookKey", "abcdefgh1234"),
                        Map.of("name", "三期业主群", "webhookKey", "abcdefgh5678")),
                "buildingLeaders", List.of(Map.of("name", "李", "phone", "13800000000", "buildings", List.of("1号楼")),
                        Map.of("name", "李", "buildings", List.of("2号楼"))));
        given().auth().oauth2(f.workingGroup()).header("Accept-Language", CHINESE).contentType(ContentType.JSON)
                .body(twice).put(path).then().statusCode(422)
                .body("title", equalTo("提交的内容有误"))
                .body("detail", equalTo("收件人名单有误，未做任何更改"))
                .body("errors.field", equalTo(List.of("ownerEmails[1]", "groups[1].name", "buildingLeaders[1].name",
                        "buildingLeaders[1]")))
                .body("errors.code", equalTo(List.of("recipients.unit-listed-twice", "recipients.group-listed-twice",
                        "recipients.leader-listed-twice", "recipients.leader-needs-contact")))
                .body("errors.message", equalTo(List.of("楼栋 1号楼、单元/房号 101 重复填写了", "业主群“三期业主群”重复填写了",
                        "楼长“李”重复填写了", "楼长须填写手机号或电子邮件地址，至少填一项")));
        given().auth().oauth2(f.workingGroup()).contentType(ContentType.JSON).body(twice).put(path).then()
                .statusCode(422)
                .body("detail", equalTo("The recipients list has errors; nothing was changed"))
                .body("errors.message", equalTo(List.of("building 1号楼, unit 101 is listed twice",
                        "the group '三期业主群' is listed twice", "the building leader '李' is listed twice",
                        "a building leader needs a mobile number or an email address")));

        given().auth().oauth2(f.workingGroup()).header("Accept-Language", CHINESE).contentType(ContentType.JSON)
                .body(Map.of("ownerEmails", List.of(), "groups", List.of(Map.of("name", "群", "webhookKey", "short")),
                        "buildingLeaders", List.of(Map.of("name", "王", "phone", "12345", "buildings",
                                List.of("1号楼")))))
                .put(path).then().statusCode(422)
                .body("errors.find { it.field == 'groups[0].webhookKey' }.code", equalTo("field.robot-key-format"))
                .body("errors.find { it.field == 'groups[0].webhookKey' }.message",
                        equalTo("群机器人密钥须为 8 至 100 个英文字母、数字或“-”"))
                .body("errors.find { it.field == 'buildingLeaders[0].phone' }.code", equalTo("field.mobile-format"))
                .body("errors.find { it.field == 'buildingLeaders[0].phone' }.message",
                        equalTo("手机号须为以 1 开头的 11 位数字"));

        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(f.workingGroup()).header("Accept-Language", CHINESE)
                .get("/api/elections/" + unknown + "/messages").then().statusCode(404)
                .body("title", equalTo("未找到"))
                .body("detail", equalTo("选举 " + unknown + " 不存在"));
        given().auth().oauth2(f.workingGroup()).get("/api/elections/" + unknown + "/messages").then().statusCode(404)
                .body("detail", equalTo("Election " + unknown + " does not exist"));
    }

    @Test
    void aSendInterruptedByAStoppedServiceIsRepeatedOnlyWhereTheProviderDeduplicates() {
        clock.set(Instant.parse("2026-12-20T15:00:00Z")); // quiet hours: queued, not sent
        String phone = MessageFixture.phone();
        MessageFixture f = MessageFixture.create(book, List.of(MessageFixture.unit("1号楼", "101", phone)));
        String email = "crash-" + f.election() + "@example.cn";
        f.recipients(Map.of("ownerEmails", List.of(Map.of("building", "1号楼", "unit", "101", "email", email)),
                "groups", List.of(), "buildingLeaders", List.of()));
        f.openVoting(OffsetDateTime.parse("2026-12-25T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> f.messages().size() == 2);
        Message sms = f.messages().stream().filter(m -> m.channel == Message.Channel.SMS).findFirst().orElseThrow();
        // As a service that stopped mid-send leaves them: claimed and attempted; the text reached the provider.
        QuarkusTransaction.requiringNew().run(() -> Message.update("status = ?1, attempts = 1, claimedAt = ?2 "
                + "where electionId = ?3", Message.Status.SENDING, DAYTIME, f.election()));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + ProviderServers.API_KEY)
                .body(Map.of("requestId", sms.requestId(), "phone", phone, "templateId", "OV_VOTING_OPEN",
                        "params", Map.of()))
                .post(Providers.base().replace("/_control", "/sms/send")).then().statusCode(200);

        clock.set(Instant.parse("2026-12-21T01:00:00Z")); // 09:00 the next morning
        await().atMost(Duration.ofSeconds(30)).until(() -> f.messages().stream().noneMatch(
                m -> m.status == Message.Status.SENDING || m.status == Message.Status.PENDING));
        Map<Message.Channel, Message> after = new EnumMap<>(Message.Channel.class);
        f.messages().forEach(m -> after.put(m.channel, m));
        assertEquals(Message.Status.SENT, after.get(Message.Channel.SMS).status);
        assertEquals(1, Providers.smsTo(phone).size(), "the provider saw the same request id and sent one text");
        assertEquals(Message.Status.UNCONFIRMED, after.get(Message.Channel.EMAIL).status);
        assertEquals(List.of(), Providers.mailsTo(email), "an email that may have left is not sent again by itself");
    }

    @Test
    void onlyTheElectionsWorkingGroupReadsAndChangesItsMessages() {
        MessageFixture f = MessageFixture.create(book, List.of(MessageFixture.unit("1号楼", "101", null)));
        String path = "/api/elections/" + f.election() + "/messages";
        given().get(path).then().statusCode(401);
        given().auth().oauth2(token("counter", f.community())).get(path).then().statusCode(403);
        given().auth().oauth2(token("working-group", UUID.randomUUID())).get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.as("so", "street-office")
                .oversees(UUID.randomUUID()).token()).get(path).then().statusCode(403);
        given().auth().oauth2(TestTokens.as("so", "street-office")
                .oversees(f.community()).token()).get(path).then().statusCode(200);
        given().auth().oauth2(f.workingGroup()).get("/api/elections/" + UUID.randomUUID() + "/messages").then()
                .statusCode(404);
        given().auth().oauth2(f.workingGroup()).post(path + "/" + UUID.randomUUID() + "/resend").then()
                .statusCode(404);
        given().auth().oauth2(token("working-group", UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("ownerEmails", List.of(), "groups", List.of(), "buildingLeaders", List.of()))
                .put(path + "/recipients").then().statusCode(403);

        f.recipients(Map.of("ownerEmails", List.of(Map.of("building", "1号楼", "unit", "101", "email", "a@b.cn")),
                "groups", List.of(Map.of("name", "业主群", "webhookKey", "abcdefgh1234")), "buildingLeaders",
                List.of()));
        given().auth().oauth2(f.workingGroup()).contentType(ContentType.JSON)
                .body(Map.of("ownerEmails", List.of(Map.of("building", "1号楼", "unit", "101", "email", "not-mail"),
                        Map.of("building", "1号楼", "unit", "101", "email", "c@d.cn")), "groups", List.of(),
                        "buildingLeaders", List.of(Map.of("name", "李", "buildings", List.of("1号楼")))))
                .put(path + "/recipients").then().statusCode(422);
        given().auth().oauth2(f.workingGroup()).get(path + "/recipients").then().statusCode(200)
                .body("ownerEmails[0].email", equalTo("a@b.cn"))
                .body("groups[0].webhookKey", equalTo("****1234"));
    }

    private static String token(String role, UUID community) {
        return TestTokens.as(role + "-user", role).community(community).token();
    }

    private static Campaigns campaigns() {
        return Arc.container().instance(Campaigns.class).get();
    }

    private static List<Map<String, Object>> robotMessages(String key) {
        return Providers.robot().stream().filter(m -> key.equals(m.get("key"))).toList();
    }

    private static Message only(List<Message> messages) {
        return messages.size() == 1 ? messages.get(0) : null;
    }
}
