package org.ownersvote.ballot;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ownersvote.ballot.VotingFixture.as;
import static org.ownersvote.ballot.VotingFixture.handout;
import static org.ownersvote.ballot.VotingFixture.returned;
import static org.ownersvote.ballot.VotingFixture.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.events.election.BallotCandidate;
import org.ownersvote.events.election.BallotMotion;
import org.ownersvote.platform.audit.AuditEntry;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.TestTokens;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class OwnerBallotTest {

    static final List<BallotCandidate> CANDIDATES = List.of(
            new BallotCandidate(UUID.randomUUID(), 1, "丁一", "1号楼", "101", "服务业主"),
            new BallotCandidate(UUID.randomUUID(), 2, "王二", "2号楼", "202", "公开透明"),
            new BallotCandidate(UUID.randomUUID(), 3, "张三", "3号楼", "303", "勤俭办事"));
    static final List<BallotMotion> MOTIONS = List.of(
            new BallotMotion(UUID.randomUUID(), 1, "通过《业主大会议事规则》", "MAJORITY"),
            new BallotMotion(UUID.randomUUID(), 2, "使用专项维修资金更换电梯", "SPECIAL"));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "ownersvote.ballot.owner-page-url")
    String ownerPage;

    record Sheet(String serial, String code, String qrText) {
    }

    @Test
    void thePrintedPageHasEveryCandidateInOrderAndAQrCodeOpeningTheOwnersPage() throws Exception {
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, MOTIONS);
        String html = print(v, "1号楼").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        List<Sheet> sheets = sheets(html);
        assertEquals(90, sheets.size(), "one sheet per ballot of 1号楼");
        assertTrue(html.contains("size: A4"), "print CSS for A4");
        assertTrue(html.contains("<dt>专有部分面积</dt>") && !html.contains("建筑面积"),
                "the area printed is the exclusive part's (专有部分面积), the one 民法典 §278 counts, not the floor area");
        assertTrue(html.matches("(?s).*<dt>投票截止</dt><dd>\\d{4}年\\d{1,2}月\\d{1,2}日\\d{1,2}时(\\d{1,2}分)?</dd>.*"),
                "the deadline as the law states it (platform LegalDates)");
        for (String section : html.split("<section class=\"ballot\"")) {
            if (!section.contains("data-serial")) {
                continue;
            }
            int ding = section.indexOf("丁一"), wang = section.indexOf("王二"), zhang = section.indexOf("张三");
            assertTrue(ding > 0 && ding < wang && wang < zhang, "candidates in published order on every sheet");
            assertTrue(section.contains("使用专项维修资金更换电梯") && section.contains("业主签名"));
        }
        for (Sheet sheet : sheets.subList(0, 3)) {
            assertEquals(ownerPage + "?serial=" + sheet.serial(), sheet.qrText());
            assertTrue(sheet.code().matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}"), sheet.code());
        }
        String stored = QuarkusTransaction.requiringNew().call(() -> BallotCode.<BallotCode>find("serial",
                sheets.get(0).serial()).firstResult().codeHash);
        assertNotEquals(sheets.get(0).code(), stored, "the code is stored only as a hash");
        assertTrue(!stored.contains(sheets.get(0).code().replace("-", "")));
    }

    @Test
    void onlyTheWorkingGroupPrintsAndAReprintReplacesTheCodesOfBallotsNotYetHandedOut() throws Exception {
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, MOTIONS);
        print(v.leader(), v, "1号楼").then().statusCode(403);
        Sheet first = sheets(print(v, "1号楼").asString()).get(0);
        credentials(first.serial(), first.code()).then().statusCode(200);
        Sheet again = sheets(print(v, "1号楼").asString()).get(0);
        assertEquals(first.serial(), again.serial());
        credentials(first.serial(), first.code()).then().statusCode(401);
        credentials(again.serial(), again.code()).then().statusCode(200);
        handout(v.leader(), again.serial()).then().statusCode(200);
        assertTrue(sheets(print(v, "1号楼").asString()).stream().noneMatch(s -> s.serial().equals(again.serial())),
                "a ballot in the owner's hands is not reprinted");
        credentials(again.serial(), again.code()).then().statusCode(200);
    }

    @Test
    void theGatewayGetsTheBallotForTheRightCodeAndOneAnswerForEveryWrongOne() throws Exception {
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, MOTIONS);
        Sheet sheet = sheets(print(v, "1号楼").asString()).get(0);
        credentials(sheet.serial(), sheet.code().toLowerCase().replace("-", " ")).then().statusCode(200)
                .body("ballotSerial", equalTo(sheet.serial()))
                .body("electionId", equalTo(v.election().toString()))
                .body("communityId", equalTo(v.community().toString()));
        String unprinted = v.firstBallot("2号楼");
        String wrong = credentials(sheet.serial(), "2222-2222").then().statusCode(401).extract().path("detail");
        assertEquals(wrong, credentials(unprinted, sheet.code()).then().statusCode(401).extract().path("detail"));
        as(v.workingGroup()).body(Map.of("ballotSerial", sheet.serial(), "verificationCode", sheet.code()))
                .post("/internal/owner-credentials").then().statusCode(403);
    }

    @Test
    void aStrangersWrongCodesSlowDownOnlyTheStrangerNeverTheOwner() throws Exception {
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, MOTIONS);
        Sheet sheet = sheets(print(v, "1号楼").asString()).get(0);
        for (int i = 0; i < 6; i++) {
            credentials(sheet.serial(), "2222-222" + (i + 2), "203.0.113.9").then().statusCode(401);
        }
        // the stranger's address must wait, and is not even told whether the right code would have worked
        credentials(sheet.serial(), sheet.code(), "203.0.113.9").then().statusCode(429)
                .header("Retry-After", equalTo("30"))
                .body("type", equalTo("urn:ownersvote:problem:ballot-code-wait"));
        // the owner, from home, signs in at once
        credentials(sheet.serial(), sheet.code(), "198.51.100.7").then().statusCode(200);
        // and voting with the code from the owner's own session is not slowed by the stranger either
        cast(v, sheet, vote(sheet.code(), "APPROVE", "OPPOSE", "OPPOSE")).then().statusCode(200);
        long recorded = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "subjectId = ?1 and action = 'ballot.code.wrong'", sheet.serial()));
        assertEquals(6, recorded, "every wrong code is on record although each request failed");
    }

    @Test
    void theBuildingLeaderHelpsAnOwnerWhoMustWaitAndNoOneElseCan() throws Exception {
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, MOTIONS);
        Sheet sheet = sheets(print(v, "1号楼").asString()).get(0);
        for (int i = 0; i < 6; i++) {
            credentials(sheet.serial(), "2222-222" + (i + 2), "203.0.113.9").then().statusCode(401);
        }
        credentials(sheet.serial(), sheet.code(), "203.0.113.9").then().statusCode(429);
        String otherBuildingsLeader = TestTokens.as("leader-3", Roles.BUILDING_LEADER).community(v.community())
                .election(v.election()).buildings("3号楼").token();
        // another building's leader is answered as if the ballot did not exist
        as(otherBuildingsLeader).delete("/api/ballots/" + sheet.serial() + "/wrong-codes").then().statusCode(404);
        as(owner(v, sheet.serial())).delete("/api/ballots/" + sheet.serial() + "/wrong-codes").then().statusCode(403);
        credentials(sheet.serial(), sheet.code(), "203.0.113.9").then().statusCode(429);
        as(v.leader()).delete("/api/ballots/" + sheet.serial().toLowerCase() + "/wrong-codes").then().statusCode(200)
                .body("sources", equalTo(1));
        credentials(sheet.serial(), sheet.code(), "203.0.113.9").then().statusCode(200);
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "subjectId = ?1 and action = 'ballot.code.attempts-cleared'", sheet.serial())));
    }

    @Test
    void anOwnerSeesTheTrailOfTheirOwnBallotOnly() throws Exception {
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, MOTIONS);
        List<Sheet> sheets = sheets(print(v, "1号楼").asString());
        String serial = sheets.get(0).serial();
        handout(v.leader(), serial).then().statusCode(200);
        as(owner(v, serial)).get("/api/ballots/" + serial + "/status").then().statusCode(200)
                .body("status", equalTo("HANDED_OUT"))
                .body("trail[0].action", equalTo("HANDOUT"))
                .body("trail[0].recipientName", equalTo("张三"))
                .body("ledgerPosition", equalTo(null));
        as(owner(v, serial)).get("/api/ballots/" + sheets.get(1).serial() + "/status").then().statusCode(403);
        as(owner(v, serial)).body(Map.of("recipientName", "李四", "relation", "OWNER", "method", "IN_PERSON"))
                .post("/api/ballots/" + sheets.get(1).serial() + "/handout").then().statusCode(403);
        assertEquals(BallotStatus.ISSUED, status(sheets.get(1).serial()));
    }

    @Test
    void anElectronicVoteCountsOnceAndThePaperBallotIsThenRefused() throws Exception {
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, MOTIONS);
        Sheet sheet = sheets(print(v, "1号楼").asString()).get(0);
        handout(v.leader(), sheet.serial()).then().statusCode(200);
        cast(v, sheet, vote(sheet.code(), "APPROVE", "APPROVE", "OPPOSE")).then().statusCode(200)
                .body("status", equalTo("CAST_ONLINE"));
        cast(v, sheet, vote(sheet.code(), "APPROVE", "OPPOSE", "OPPOSE")).then().statusCode(409)
                .body("detail", containsString("already voted online"));
        returned(v.leader(), sheet.serial(), null).then().statusCode(409)
                .body("detail", containsString("already voted online; a unit votes once"));
        assertEquals(BallotStatus.CAST_ONLINE, status(sheet.serial()));
        String marks = QuarkusTransaction.requiringNew().call(() -> OnlineVote.<OnlineVote>find("serial",
                sheet.serial()).firstResult().marks);
        assertTrue(marks.contains(CANDIDATES.get(1).candidateId() + "\":\"APPROVE"), marks);
        long refusals = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "subjectId = ?1 and action in ('ballot.cast.refused', 'ballot.return.refused')", sheet.serial()));
        assertEquals(2, refusals, "the second vote and the paper ballot are refused and kept on record");
    }

    @Test
    void afterThePaperBallotIsReturnedAnElectronicVoteIsRefused() throws Exception {
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, MOTIONS);
        Sheet sheet = sheets(print(v, "1号楼").asString()).get(0);
        handout(v.leader(), sheet.serial()).then().statusCode(200);
        returned(v.leader(), sheet.serial(), null).then().statusCode(200);
        cast(v, sheet, vote(sheet.code(), "APPROVE", "ABSTAIN", "OPPOSE")).then().statusCode(409)
                .body("detail", containsString("paper ballot of this unit was already returned"));
        assertEquals(BallotStatus.RETURNED, status(sheet.serial()));
    }

    @Test
    void anIncompleteOrOverVotedOrUnverifiedVoteChangesNothing() throws Exception {
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, MOTIONS);
        Sheet sheet = sheets(print(v, "1号楼").asString()).get(0);
        cast(v, sheet, vote(sheet.code(), "APPROVE", "APPROVE", "APPROVE")).then().statusCode(422)
                .body("errors[0].field", equalTo("marks"));
        Map<String, Object> incomplete = vote(sheet.code(), "APPROVE", "OPPOSE", "OPPOSE");
        incomplete.put("motions", Map.of());
        cast(v, sheet, incomplete).then().statusCode(422).body("errors.size()", equalTo(2));
        cast(v, sheet, vote("2222-2222", "APPROVE", "OPPOSE", "OPPOSE")).then().statusCode(401);
        as(TestTokens.as("wg", Roles.WORKING_GROUP).community(v.community()).token())
                .body(vote(sheet.code(), "APPROVE", "OPPOSE", "OPPOSE"))
                .post("/api/ballots/" + sheet.serial() + "/cast").then().statusCode(403);
        assertEquals(BallotStatus.ISSUED, status(sheet.serial()));
    }

    @Test
    void theCodeOfAVoidedBallotIsAnsweredBallotVoided() throws Exception {
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, MOTIONS);
        Sheet sheet = sheets(print(v, "1号楼").asString()).get(0);
        as(v.workingGroup()).body(Map.of("reason", "业主遗失选票")).post("/api/ballots/" + sheet.serial() + "/void")
                .then().statusCode(200);
        credentials(sheet.serial(), sheet.code()).then().statusCode(409)
                .body("type", equalTo("urn:ownersvote:problem:ballot-voided"))
                .body("title", equalTo("Ballot voided"))
                .body("detail", equalTo("This ballot was voided and replaced by another; use the serial and code of "
                        + "the replacement ballot you were given"));
        // only the right code learns of the void: a wrong one is answered as any wrong code
        credentials(sheet.serial(), "2222-2222").then().statusCode(401)
                .body("type", equalTo("urn:ownersvote:problem:wrong-ballot-code"));
    }

    @Test
    void anOwnerIsAnsweredInTheirLanguageAndTheWaitIsSaidInWords() throws Exception {
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, MOTIONS);
        Sheet sheet = sheets(print(v, "1号楼").asString()).get(0);
        String zh = "zh-CN,zh;q=0.9";
        credentials(zh, sheet.serial(), "2222-2222", "203.0.113.20").then().statusCode(401)
                .body("title", equalTo("编号或验证码不正确"))
                .body("detail", equalTo("选票编号或验证码不正确（两者都印在您的选票上）"));
        credentials(sheet.serial(), "2222-2223", "203.0.113.20").then()
                .statusCode(401)
                .body("title", equalTo("Wrong serial or code"))
                .body("detail", equalTo("The ballot serial or the verification code is wrong (both are printed on "
                        + "your ballot)"));
        for (int i = 0; i < 4; i++) {
            credentials(sheet.serial(), "2222-222" + (i + 4), "203.0.113.20")
                    .then().statusCode(401);
        }
        credentials(zh, sheet.serial(), sheet.code(), "203.0.113.20").then().statusCode(429)
                .body("title", equalTo("请稍后再试"))
                .body("detail", matchesPattern("在这里输错这张选票验证码的次数太多，请 [0-9]+ 秒后再试。如果这是您的选票而验证码"
                        + "总是不对，楼长或选举工作小组可以帮您"));
        credentials(sheet.serial(), sheet.code(), "203.0.113.20").then()
                .statusCode(429)
                .body("detail", matchesPattern("Too many wrong verification codes for this ballot were typed here; "
                        + "try again in [0-9]+ seconds\\. .*"));
        // an incomplete vote: each motion left unmarked is named, with a code to switch on
        Map<String, Object> incomplete = vote(sheet.code(), "APPROVE", "OPPOSE", "OPPOSE");
        incomplete.put("motions", Map.of());
        as(owner(v, sheet.serial())).header("Accept-Language", zh).body(incomplete)
                .post("/api/ballots/" + sheet.serial() + "/cast").then().statusCode(422)
                .body("detail", equalTo("选票没有填完整，或同意的候选人超过了应选人数，本次投票没有记录"))
                .body("errors.code", everyItem(equalTo("vote.no-mark-for-motion")))
                .body("errors.message", everyItem(equalTo("这项表决事项还没有选择（请选同意、不同意或弃权）")))
                .body("errors.size()", equalTo(2));
        cast(v, sheet, vote(sheet.code(), "APPROVE", "APPROVE", "APPROVE")).then().statusCode(422)
                .body("detail", equalTo("The vote is incomplete or approves too many candidates; nothing was "
                        + "recorded"))
                .body("errors[0].code", equalTo("vote.too-many-approvals"))
                .body("errors[0].message", equalTo("approves 3 candidates but there are only 2 seats; approve at "
                        + "most 2"));
        as(owner(v, sheet.serial())).header("Accept-Language", zh)
                .body(vote(sheet.code(), "APPROVE", "APPROVE", "APPROVE"))
                .post("/api/ballots/" + sheet.serial() + "/cast").then().statusCode(422)
                .body("errors[0].field", equalTo("marks"))
                .body("errors[0].code", equalTo("vote.too-many-approvals"))
                .body("errors[0].message", equalTo("同意了 3 位候选人，但只选 2 人，最多只能同意 2 位"));
        assertEquals(BallotStatus.ISSUED, status(sheet.serial()));
    }

    private Response print(VotingFixture v, String building) {
        return print(v.workingGroup(), v, building);
    }

    private static Response print(String token, VotingFixture v, String building) {
        return as(token).queryParam("building", building).post("/api/elections/" + v.election() + "/ballots/print");
    }

    private static Response credentials(String serial, String code) {
        return credentials(serial, code, "192.0.2.1");
    }

    private static Response credentials(String language, String serial, String code, String clientAddress) {
        return as(TestTokens.as("gateway", Roles.GATEWAY).token()).header("Accept-Language", language)
                .body(Map.of("ballotSerial", serial, "verificationCode", code, "clientAddress", clientAddress))
                .post("/internal/owner-credentials");
    }

    private static Response credentials(String serial, String code, String clientAddress) {
        return as(TestTokens.as("gateway", Roles.GATEWAY).token())
                .body(Map.of("ballotSerial", serial, "verificationCode", code, "clientAddress", clientAddress))
                .post("/internal/owner-credentials");
    }

    private static String owner(VotingFixture v, String serial) {
        return TestTokens.as("owner:" + serial, Roles.OWNER).community(v.community()).election(v.election())
                .ballot(serial).token();
    }

    private static Response cast(VotingFixture v, Sheet sheet, Map<String, Object> vote) {
        return as(owner(v, sheet.serial())).body(vote).post("/api/ballots/" + sheet.serial() + "/cast");
    }

    private static Map<String, Object> vote(String code, String... candidateMarks) {
        Map<String, String> marks = new HashMap<>();
        for (int i = 0; i < candidateMarks.length; i++) {
            marks.put(CANDIDATES.get(i).candidateId().toString(), candidateMarks[i]);
        }
        Map<String, Object> vote = new HashMap<>();
        vote.put("verificationCode", code);
        vote.put("marks", marks);
        vote.put("motions", Map.of(MOTIONS.get(0).motionId().toString(), "APPROVE",
                MOTIONS.get(1).motionId().toString(), "OPPOSE"));
        return vote;
    }

    private static final Pattern SHEET = Pattern.compile("data-serial=\"([^\"]+)\".*?<img src=\"data:image/png;"
            + "base64,([^\"]+)\".*?<span class=\"code\">([^<]+)</span>", Pattern.DOTALL);

    /** Each printed sheet's serial, the code on its stub, and what its QR code decodes to. */
    static List<Sheet> sheets(String html) throws IOException {
        List<Sheet> sheets = new ArrayList<>();
        Matcher m = SHEET.matcher(html);
        while (m.find()) {
            sheets.add(new Sheet(m.group(1), m.group(3), decodeQr(m.group(2))));
        }
        return sheets;
    }

    static String decodeQr(String base64Png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64Png)));
        try {
            // the page's image is the code alone, as a phone's camera would find it once framed
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image))), Map.of(
                            DecodeHintType.PURE_BARCODE, Boolean.TRUE,
                            DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("the printed QR code does not decode", e);
        }
    }
}
