package org.ownersvote.ballot;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ownersvote.ballot.VotingFixture.as;
import static org.ownersvote.ballot.VotingFixture.handout;
import static org.ownersvote.ballot.VotingFixture.returned;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.ballot.counting.BallotCount;
import org.ownersvote.ballot.counting.CountingEntry;
import org.ownersvote.ballot.counting.LedgerRecord;
import org.ownersvote.ballot.counting.LotsDraw;
import org.ownersvote.ballot.domain.ledger.LedgerHead;
import org.ownersvote.ballot.repository.ElectionRepository;
import org.ownersvote.ballot.service.CountedLedger;
import org.ownersvote.events.election.BallotCandidate;
import org.ownersvote.events.election.BallotMotion;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.platform.outbox.OutboxEvent;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.TestTokens;
import org.ownersvote.verifier.Verifier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class CountingTest {

    static final List<BallotCandidate> CANDIDATES = List.of(
            new BallotCandidate(UUID.randomUUID(), 1, "丁一", "1号楼", "101", ""),
            new BallotCandidate(UUID.randomUUID(), 2, "王二", "2号楼", "202", ""),
            new BallotCandidate(UUID.randomUUID(), 3, "张三", "3号楼", "303", ""));
    static final List<BallotMotion> MOTIONS = List.of(new BallotMotion(UUID.randomUUID(), 1, "议事规则", "MAJORITY"));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    CountedLedger ledger;

    @Inject
    ElectionRepository elections;

    @Inject
    EntityManager em;

    /** An election in COUNTING with {@code paper} ballots of 1号楼 returned and one unit that voted online. */
    record Counting(VotingFixture v, List<String> returned, String online, String notReturned, String counterA,
            String counterB, String scrutineer, String chief) {
    }

    @Test
    void twoAgreeingEntriesCountABallotIntoTheLedgerAndTheSameCounterCannotEnterTwice() throws Exception {
        Counting c = counting(2);
        String serial = c.returned().get(0);
        enter(c, c.counterA(), serial, "OWNER", "APPROVE", "OPPOSE", null).then().statusCode(200)
                .body("entryNumber", equalTo(1)).body("state", equalTo("FIRST_ENTERED"))
                .body("marks", equalTo(null));
        enter(c, c.counterA(), serial, "OWNER", "APPROVE", "APPROVE", null).then().statusCode(409)
                .body("detail", containsString("another counter"));
        as(c.chief()).post("/api/elections/" + c.v().election() + "/tally/finalize").then().statusCode(409)
                .body("detail", containsString("2 returned ballots are not counted yet"));
        enter(c, c.counterA(), serial, "OWNER", "APPROVE", "OPPOSE", null).then().statusCode(200)
                .body("entryNumber", equalTo(1));
        enter(c, c.counterB(), serial, "OWNER", "APPROVE", "OPPOSE", "ABSTAIN").then().statusCode(200)
                .body("entryNumber", equalTo(2)).body("state", equalTo("COUNTED"));
        tally(c, c.scrutineer()).then().statusCode(200)
                .body("provisional", equalTo(true))
                .body("counting.countedPaper", equalTo(1))
                .body("counting.ledgerLength", equalTo(2)); // the online vote and this ballot
        as(owner(c.v(), c.online())).get("/api/ballots/" + c.online() + "/status").then().statusCode(200)
                .body("ledgerPosition", equalTo(1));
    }

    @Test
    void theLedgerIsReadUpToTheHeadTheTallyShowsAPageAtATimeAndNoFurther() throws Exception {
        Counting c = counting(3);
        for (String serial : c.returned()) {
            enter(c, c.counterA(), serial, "OWNER", "APPROVE", null, null).then().statusCode(200);
            enter(c, c.counterB(), serial, "OWNER", "APPROVE", null, null).then().statusCode(200);
        }
        UUID election = c.v().election();
        String thirdHash = QuarkusTransaction.requiringNew().call(() -> LedgerRecord
                .<LedgerRecord>find("electionId = ?1 and position = 3", election).firstResult().hash);
        List<Integer> positions = new ArrayList<>();
        ledger.read(election, 0, new LedgerHead(3, thirdHash), 2,
                text -> positions.add(JsonPath.from(text.record()).getInt("position")));
        assertEquals(List.of(1, 2, 3), positions, "four records are counted; a head at 3 reads 1 to 3 in order");
        assertEquals(4,
                QuarkusTransaction.requiringNew().call(() -> ledger.head(elections.require(election))).position());
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveACountedRecord() throws Exception {
        Counting c = counting(1);
        enter(c, c.counterA(), c.returned().get(0), "OWNER", "APPROVE", null, null).then().statusCode(200);
        enter(c, c.counterB(), c.returned().get(0), "OWNER", "APPROVE", null, null).then().statusCode(200);
        UUID election = c.v().election();
        String before = tally(c, c.scrutineer()).then().statusCode(200).extract().asString();
        for (String change : List.of("update ledger_record set record = replace(record, 'APPROVE', 'OPPOSE')"
                + " where election_id = ?1", "delete from ledger_record where election_id = ?1")) {
            PersistenceException refused = assertThrows(PersistenceException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(change)
                            .setParameter(1, election).executeUpdate()));
            assertTrue(String.valueOf(rootCause(refused).getMessage()).contains("never changed or removed"),
                    change + ": " + rootCause(refused).getMessage());
        }
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("truncate ledger_record").executeUpdate()));
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> LedgerRecord.count("electionId", election)));
        assertEquals(before, tally(c, c.scrutineer()).then().statusCode(200).extract().asString());
    }

    private static Throwable rootCause(Throwable t) {
        return t.getCause() == null ? t : rootCause(t.getCause());
    }

    @Test
    void disagreeingEntriesWaitForAScrutineerAndBlockFinalization() throws Exception {
        Counting c = counting(1);
        String serial = c.returned().get(0);
        enter(c, c.counterA(), serial, "OWNER", "APPROVE", "OPPOSE", null).then().statusCode(200);
        enter(c, c.counterB(), serial, "OWNER", "OPPOSE", "OPPOSE", null).then().statusCode(200)
                .body("state", equalTo("CONFLICT"));
        as(c.chief()).post("/api/elections/" + c.v().election() + "/tally/finalize").then().statusCode(409)
                .body("detail", containsString("1 ballots in conflict"));
        as(c.scrutineer()).get("/api/elections/" + c.v().election() + "/counting/conflicts").then().statusCode(200)
                .body("[0].serial", equalTo(serial))
                .body("[0].entries.size()", equalTo(2))
                .body("[0].entries.counter", equalTo(List.of("counter-a", "counter-b")));
        as(c.counterA()).get("/api/elections/" + c.v().election() + "/counting/conflicts").then().statusCode(403);
        Map<String, Object> resolution = new HashMap<>();
        resolution.put("signature", "OWNER");
        resolution.put("marks", Map.of(CANDIDATES.get(0).candidateId().toString(), "APPROVE"));
        resolution.put("note", "原票上丁一一栏勾选清楚，计票人乙误录");
        as(c.scrutineer()).body(resolution)
                .post("/api/elections/" + c.v().election() + "/counting/conflicts/" + serial + "/resolve")
                .then().statusCode(200).body("state", equalTo("COUNTED")).body("ledgerPosition", equalTo(2));
        long entries = QuarkusTransaction.requiringNew().call(() -> CountingEntry
                .count("serial", serial));
        assertEquals(2, entries, "both entries stay on record");
    }

    @Test
    void aSignOffAttestsTheLedgerAndFiguresAsTheyStoodAndABallotCountedLaterVoidsIt() throws Exception {
        Counting c = counting(2);
        String first = c.returned().get(0);
        String second = c.returned().get(1);
        enter(c, c.counterA(), first, "OWNER", "APPROVE", null, null).then().statusCode(200);
        enter(c, c.counterB(), first, "OWNER", "APPROVE", null, null).then().statusCode(200);
        String early = attestation(c, c.scrutineer());
        String scrutineer2 = token(c.v(), "scrutineer-2", Roles.SCRUTINEER);
        signOff(c, c.scrutineer(), early).then().statusCode(200).body("agreeingSignoffs", equalTo(1));
        signOff(c, scrutineer2, early).then().statusCode(200).body("agreeingSignoffs", equalTo(2));
        enter(c, c.counterA(), second, "OWNER", "OPPOSE", null, null).then().statusCode(200);
        enter(c, c.counterB(), second, "OWNER", "OPPOSE", null, null).then().statusCode(200);
        as(c.chief()).post("/api/elections/" + c.v().election() + "/tally/finalize").then().statusCode(409)
                .body("detail", containsString("0 of 2 scrutineers' sign-offs attest"));
        signOff(c, c.scrutineer(), early).then().statusCode(422); // the old code no longer matches
        String now = attestation(c, c.scrutineer());
        signOff(c, c.scrutineer(), now).then().statusCode(200);
        signOff(c, scrutineer2, now).then().statusCode(200).body("agreeingSignoffs", equalTo(2));
        as(c.chief()).post("/api/elections/" + c.v().election() + "/tally/finalize").then().statusCode(200);
    }

    @Test
    void whoEnteredABallotCannotResolveItsConflict() throws Exception {
        Counting c = counting(1);
        String serial = c.returned().get(0);
        // an account holding both roles (made before such accounts were refused) counts as a counter
        String dual = TestTokens.as("counter-and-scrutineer", Roles.COUNTER, Roles.SCRUTINEER)
                .community(c.v().community()).election(c.v().election()).token();
        enter(c, dual, serial, "OWNER", "APPROVE", "OPPOSE", null).then().statusCode(200);
        enter(c, c.counterB(), serial, "OWNER", "OPPOSE", "OPPOSE", null).then().statusCode(200)
                .body("state", equalTo("CONFLICT"));
        Map<String, Object> resolution = new HashMap<>();
        resolution.put("signature", "OWNER");
        resolution.put("marks", Map.of(CANDIDATES.get(0).candidateId().toString(), "APPROVE"));
        resolution.put("note", "按本人录入");
        String resolve = "/api/elections/" + c.v().election() + "/counting/conflicts/" + serial + "/resolve";
        as(dual).body(resolution).post(resolve).then().statusCode(403);
        // a scrutineer's account with the same name as the second counter: the name entered it
        as(token(c.v(), "counter-b", Roles.SCRUTINEER)).body(resolution).post(resolve).then().statusCode(403);
        assertEquals(BallotCount.State.CONFLICT, QuarkusTransaction.requiringNew().call(() -> BallotCount
                .<BallotCount>find("serial", serial).firstResult().state));
        as(c.scrutineer()).body(resolution).post(resolve).then().statusCode(200).body("state", equalTo("COUNTED"));
    }

    @Test
    void entriesForBallotsNotReturnedOrForUnitsThatVotedOnlineAreRefused() throws Exception {
        Counting c = counting(1);
        enter(c, c.counterA(), c.notReturned(), "OWNER", "APPROVE", null, null).then().statusCode(409)
                .body("detail", containsString("not returned"));
        enter(c, c.counterA(), c.online(), "OWNER", "APPROVE", null, null).then().statusCode(409)
                .body("detail", containsString("voted online"));
        String foreignCounter = TestTokens.as("counter-x", Roles.COUNTER).community(c.v().community())
                .election(UUID.randomUUID()).token();
        enter(c, foreignCounter, c.returned().get(0), "OWNER", "APPROVE", null, null).then().statusCode(403);
        enter(c, c.v().leader(), c.returned().get(0), "OWNER", "APPROVE", null, null).then().statusCode(403);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> BallotCount.count("serial",
                c.returned().get(0))));
    }

    @Test
    void twoAgreeingSignOffsLetTheChiefScrutineerFinalizeAndTheFinalTallyIsAnnounced() throws Exception {
        Counting c = counting(2);
        for (String serial : c.returned()) {
            enter(c, c.counterA(), serial, "OWNER", "APPROVE", "APPROVE", "APPROVE").then().statusCode(200);
            enter(c, c.counterB(), serial, "OWNER", "APPROVE", "APPROVE", "APPROVE").then().statusCode(200);
        }
        String head = tally(c, c.scrutineer()).then().statusCode(200).extract().path("ledgerHash");
        String attestation = attestation(c, c.scrutineer());
        signOff(c, c.scrutineer(), attestation).then().statusCode(200).body("agrees", equalTo(true));
        // a wrong code is refused, nothing is recorded, and the answer does not reveal the right one
        String refusal = signOff(c, c.scrutineer(), "0".repeat(64)).then().statusCode(422)
                .body("errors[0].field", equalTo("attestation")).extract().asString();
        assertFalse(refusal.contains(attestation) || refusal.contains(head), refusal);
        assertFalse(tally(c, c.scrutineer()).asString().contains(attestation), "the tally never shows the code");
        // a disagreement is recorded only deliberately, with what differs
        disagree(c, c.scrutineer(), "0".repeat(64), null).then().statusCode(422).body("errors[0].field",
                equalTo("note"));
        // no code at all: only a deliberate disagreement may leave it out (a verifier that disagrees prints none)
        signOff(c, c.scrutineer(), null).then().statusCode(422).body("errors[0].code",
                equalTo("tally.attestation-required"));
        disagree(c, c.scrutineer(), null, "复算第3号楼面积不一致").then().statusCode(200)
                .body("agrees", equalTo(false));
        as(c.chief()).post("/api/elections/" + c.v().election() + "/tally/finalize").then().statusCode(409)
                .body("detail", containsString("1 of 2 scrutineers' sign-offs attest"));
        // the chief scrutineer decides; their own sign-off is not one of the checks on them
        signOff(c, c.chief(), attestation).then().statusCode(403);
        String dual = TestTokens.as("scrutineer-and-chief", Roles.SCRUTINEER, Roles.CHIEF_SCRUTINEER)
                .community(c.v().community()).election(c.v().election()).token();
        signOff(c, dual, attestation).then().statusCode(403);
        signOff(c, token(c.v(), "scrutineer-2", Roles.SCRUTINEER), attestation).then().statusCode(200)
                .body("agreeingSignoffs", equalTo(2));
        as(c.scrutineer()).post("/api/elections/" + c.v().election() + "/tally/finalize").then().statusCode(403);
        as(c.chief()).post("/api/elections/" + c.v().election() + "/tally/finalize").then().statusCode(200)
                .body("provisional", equalTo(false))
                .body("ledgerHash", equalTo(head))
                .body("tally.participation.units", equalTo(3));
        long finalized = QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count(
                "recordKey = ?1 and eventType = 'ballot.tally-finalized.v1'", c.v().election().toString()));
        assertEquals(1, finalized);
        enter(c, c.counterA(), c.returned().get(0), "OWNER", "APPROVE", null, null).then().statusCode(409);
        RestAssured.given().get("/api/elections/" + c.v().election() + "/tally").then()
                .statusCode(200).body("provisional", equalTo(false));
    }

    @Test
    void theLedgerChainsEveryRecordToTheOneBeforeFromTheGenesis() throws Exception {
        Counting c = counting(2);
        for (String serial : c.returned()) {
            enter(c, c.counterA(), serial, "PROXY_WITH_AUTHORIZATION", "APPROVE", null, null).then().statusCode(200);
            enter(c, c.counterB(), serial, "PROXY_WITH_AUTHORIZATION", "APPROVE", null, null).then().statusCode(200);
        }
        Map<String, Object> view = tally(c, c.scrutineer()).then().statusCode(200).extract().as(Map.class);
        String[] lines = as(c.scrutineer()).get("/api/elections/" + c.v().election() + "/ledger").then()
                .statusCode(200).extract().asString().split("\n");
        assertEquals(3, lines.length);
        String previous = (String) view.get("genesisHash");
        for (String line : lines) {
            Map<String, Object> record = JsonPath.from(line).getMap("");
            assertEquals(previous, record.get("previousHash"));
            previous = (String) record.get("hash");
        }
        assertEquals(view.get("ledgerHash"), previous);
        as(c.v().leader()).get("/api/elections/" + c.v().election() + "/ledger").then().statusCode(403);
    }

    @Test
    void lotsAreRecordedOnlyByTheWorkingGroupAndOnlyForATieTheTallyNames() throws Exception {
        Counting c = counting(1);
        Map<String, Object> lots = Map.of("candidateIdsInDrawnOrder", List.of(CANDIDATES.get(1).candidateId()
                .toString(), CANDIDATES.get(0).candidateId().toString()), "witnesses", List.of("居委会 李主任"));
        as(c.counterA()).body(lots).post("/api/elections/" + c.v().election() + "/tally/lots").then().statusCode(403);
        as(c.v().workingGroup()).body(lots).post("/api/elections/" + c.v().election() + "/tally/lots").then()
                .statusCode(409).body("detail", containsString("not a tie"));
        as(c.v().workingGroup()).body(Map.of("candidateIdsInDrawnOrder", lots.get("candidateIdsInDrawnOrder"),
                "witnesses", List.of())).post("/api/elections/" + c.v().election() + "/tally/lots").then()
                .statusCode(422);
        long draws = QuarkusTransaction.requiringNew().call(() -> LotsDraw.count(
                "electionId", c.v().election()));
        assertEquals(0, draws);
    }

    @Test
    void entriesSignOffsAndFinalizingAreRefusedInTheCallersLanguage() throws Exception {
        Counting c = counting(1);
        String zh = "zh-CN,zh;q=0.9";
        Map<String, Object> entry = Map.of("serial", c.notReturned(), "signature", "OWNER", "marks", Map.of());
        String entries = "/api/elections/" + c.v().election() + "/counting/entries";
        as(c.counterA()).header("Accept-Language", zh).body(entry).post(entries).then().statusCode(409)
                .body("title", equalTo("录入未被接受"))
                .body("detail", equalTo("选票 " + c.notReturned() + "：这张选票没有收回（目前：未发放），只有收回的选票才计票"));
        as(c.counterA()).body(entry).post(entries).then().statusCode(409)
                .body("title", equalTo("Entry not recorded"))
                .body("detail", equalTo(c.notReturned() + ": this ballot was not returned (it is not yet handed "
                        + "out); only returned ballots are counted"));
        // a code of the wrong form, and a code that does not match
        String signoffs = "/api/elections/" + c.v().election() + "/tally/signoffs";
        as(c.scrutineer()).header("Accept-Language", zh).body(Map.of("attestation", "12345")).post(signoffs).then()
                .statusCode(422)
                .body("errors[0].field", equalTo("attestation"))
                .body("errors[0].code", equalTo("field.attestation-format"))
                .body("errors[0].message", equalTo("校验码格式不对：应为核验程序显示的 64 位校验码（数字 0–9 和字母 a–f）"));
        as(c.scrutineer()).body(Map.of("attestation", "12345")).post(signoffs).then().statusCode(422)
                .body("errors[0].code", equalTo("field.attestation-format"))
                .body("errors[0].message", equalTo("must be the 64-character attestation code the verifier prints "
                        + "(digits 0-9 and letters a-f)"));
        String mismatch = "校验码不符，未记录。请重新下载三个导出文件，运行核验程序，粘贴它显示的校验码；如果您不同意计票结果，"
                + "请选择“不同意”，并在备注里写明哪里不同";
        as(c.scrutineer()).header("Accept-Language", zh).body(Map.of("attestation", "0".repeat(64))).post(signoffs)
                .then().statusCode(422)
                .body("title", equalTo("提交的内容有误"))
                .body("detail", equalTo(mismatch))
                .body("errors[0].field", equalTo("attestation"))
                .body("errors[0].code", equalTo("tally.attestation-mismatch"))
                .body("errors[0].message", equalTo(mismatch));
        signOff(c, c.scrutineer(), "0".repeat(64)).then().statusCode(422)
                .body("errors[0].code", equalTo("tally.attestation-mismatch"))
                .body("detail", containsString("The attestation code does not match the ledger and tally"));
        // what still keeps the tally from being final, each reason in words
        String head = tally(c, c.chief()).then().statusCode(200).extract().path("ledgerHash");
        String finalize = "/api/elections/" + c.v().election() + "/tally/finalize";
        as(c.chief()).header("Accept-Language", zh).post(finalize).then().statusCode(409)
                .body("title", equalTo("计票结果暂不能确认"))
                .body("detail", equalTo("计票结果暂时不能最终确认：有 1 张已收回的选票还没有计入；与当前账本（哈希值 " + head
                        + "）和计票数字相符的监票人签核只有 0 份，需要 2 份"));
        as(c.chief()).post(finalize).then().statusCode(409)
                .body("title", equalTo("Tally not ready to finalize"))
                .body("detail", equalTo("The tally cannot be finalized yet: 1 returned ballots are not counted yet; "
                        + "0 of 2 scrutineers' sign-offs attest the ledger (hash " + head + ") and the figures as "
                        + "they stand"));
    }

    @Test
    void anEntryBeforeCountingIsRefused() throws Exception {
        Counting c = returnedWhileVoting(1);
        String serial = c.returned().get(0);
        enter(c, c.counterA(), serial, "OWNER", "APPROVE", null, null).then().statusCode(409)
                .body("type", equalTo("urn:ownersvote:problem:not-counting"))
                .body("detail", equalTo("Ballots are entered while the election is in the counting phase (it is in "
                        + "the voting phase)"));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> CountingEntry.count("serial", serial)));
        // the same entry once counting is open
        closeVoting(c.v());
        enter(c, c.counterA(), serial, "OWNER", "APPROVE", null, null).then().statusCode(200)
                .body("entryNumber", equalTo(1)).body("state", equalTo("FIRST_ENTERED"));
    }

    @Test
    void anEntryMarksOnlyTheBallotsOwnCandidatesAndMotions() throws Exception {
        Counting c = counting(1);
        String serial = c.returned().get(0);
        String stranger = UUID.randomUUID().toString();
        String otherMotion = UUID.randomUUID().toString();
        Map<String, Object> entry = Map.of("serial", serial, "signature", "OWNER",
                "marks", Map.of(CANDIDATES.get(0).candidateId().toString(), "APPROVE", stranger, "APPROVE"),
                "motions", Map.of(MOTIONS.get(0).motionId().toString(), "APPROVE", otherMotion, "OPPOSE"));
        as(c.counterA()).body(entry).post("/api/elections/" + c.v().election() + "/counting/entries").then()
                .statusCode(422)
                .body("type", equalTo("urn:ownersvote:problem:invalid-request"))
                .body("detail", equalTo("The entry marks what is not on the ballot; nothing was recorded"))
                .body("errors.field", equalTo(List.of("marks." + stranger, "motions." + otherMotion)))
                .body("errors.code", equalTo(List.of("mark.not-a-candidate", "mark.not-a-motion")));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> CountingEntry.count("serial", serial)));
        enter(c, c.counterA(), serial, "OWNER", "APPROVE", null, null).then().statusCode(200)
                .body("entryNumber", equalTo(1));
    }

    @Test
    void aThirdEntryIsRefused() throws Exception {
        Counting c = counting(2);
        String counted = c.returned().get(0);
        String inConflict = c.returned().get(1);
        String counterC = token(c.v(), "counter-c", Roles.COUNTER);
        enter(c, c.counterA(), counted, "OWNER", "APPROVE", null, null).then().statusCode(200);
        enter(c, c.counterB(), counted, "OWNER", "APPROVE", null, null).then().statusCode(200)
                .body("state", equalTo("COUNTED"));
        enter(c, counterC, counted, "OWNER", "APPROVE", null, null).then().statusCode(409)
                .body("type", equalTo("urn:ownersvote:problem:entry-refused"))
                .body("detail", equalTo(counted + ": this ballot was entered twice already"));
        enter(c, c.counterA(), inConflict, "OWNER", "APPROVE", null, null).then().statusCode(200);
        enter(c, c.counterB(), inConflict, "OWNER", "OPPOSE", null, null).then().statusCode(200)
                .body("state", equalTo("CONFLICT"));
        // a third counter does not settle a conflict: a scrutineer does, against the paper
        enter(c, counterC, inConflict, "OWNER", "APPROVE", null, null).then().statusCode(409)
                .body("type", equalTo("urn:ownersvote:problem:entry-refused"))
                .body("detail", equalTo(inConflict + ": this ballot was entered twice already and waits for a "
                        + "scrutineer"));
        assertEquals(4L, (long) QuarkusTransaction.requiringNew().call(() -> CountingEntry.count("electionId",
                c.v().election())));
        assertEquals(BallotCount.State.CONFLICT, QuarkusTransaction.requiringNew().call(() -> BallotCount
                .<BallotCount>find("serial", inConflict).firstResult().state));
        tally(c, c.scrutineer()).then().statusCode(200).body("counting.ledgerLength", equalTo(2));
    }

    @Test
    void oneScrutineersRepeatedSignOffsCountOnce() throws Exception {
        Counting c = counting(0);
        String attestation = attestation(c, c.scrutineer());
        signOff(c, c.scrutineer(), attestation).then().statusCode(200).body("agreeingSignoffs", equalTo(1));
        signOff(c, c.scrutineer(), attestation).then().statusCode(200).body("agreeingSignoffs", equalTo(1));
        String head = tally(c, c.chief()).then().statusCode(200).extract().path("ledgerHash");
        String finalize = "/api/elections/" + c.v().election() + "/tally/finalize";
        as(c.chief()).post(finalize).then().statusCode(409)
                .body("type", equalTo("urn:ownersvote:problem:cannot-finalize"))
                .body("detail", equalTo("The tally cannot be finalized yet: 1 of 2 scrutineers' sign-offs attest the "
                        + "ledger (hash " + head + ") and the figures as they stand"));
        signOff(c, token(c.v(), "scrutineer-2", Roles.SCRUTINEER), attestation).then().statusCode(200)
                .body("agreeingSignoffs", equalTo(2));
        as(c.chief()).post(finalize).then().statusCode(200).body("provisional", equalTo(false));
    }

    @Test
    void aTieWaitingForLotsBlocksFinalizing() throws Exception {
        // 13 units of 1号楼, the tenth a parking space, two by two one person's: 7 persons, 12 ballots, all cast
        // online. Each person's approvals (A 丁一, B 王二, C 张三) leave A first with 5 heads, and B and C with
        // 4 heads and 374.75 m² each, tied for the second of 2 seats.
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, MOTIONS, 13);
        String[] approvalsOfPerson = { "A", "AB", "AC", "BC", "AC", "BC", "AB" };
        List<Map<String, String>> ballots = as(v.workingGroup()).queryParam("building", "1号楼")
                .get("/api/elections/" + v.election() + "/ballots").then().statusCode(200).extract().path("");
        Map<String, String> unitOf = new HashMap<>();
        ballots.forEach(b -> unitOf.put(b.get("serial"), b.get("unit")));
        List<OwnerBallotTest.Sheet> sheets = OwnerBallotTest.sheets(as(v.workingGroup()).queryParam("building", "1号楼")
                .post("/api/elections/" + v.election() + "/ballots/print").asString());
        assertEquals(12, sheets.size());
        for (OwnerBallotTest.Sheet sheet : sheets) {
            String approves = approvalsOfPerson[(Integer.parseInt(unitOf.get(sheet.serial())) - 1000) / 2];
            String[] marks = new String[3];
            for (int i = 0; i < 3; i++) {
                marks[i] = approves.indexOf("ABC".charAt(i)) >= 0 ? "APPROVE" : "OPPOSE";
            }
            castOnline(v, sheet, marks).then().statusCode(200);
        }
        closeVoting(v);
        Counting c = staff(v, List.of(), null, null);
        String ding = CANDIDATES.get(0).candidateId().toString();
        String wang = CANDIDATES.get(1).candidateId().toString();
        String zhang = CANDIDATES.get(2).candidateId().toString();
        tally(c, c.chief()).then().statusCode(200)
                .body("tally.quorum.met", equalTo(true))
                .body("tally.elected", equalTo(List.of(ding)))
                .body("tally.ties.size()", equalTo(1))
                .body("tally.ties[0].candidateIds", equalTo(List.of(wang, zhang)))
                .body("tally.ties[0].decides", equalTo("SEAT"))
                .body("tally.ties[0].drawn", equalTo(false));
        // everything else is in place: two scrutineers attest the ledger and figures as they stand
        String scrutineer2 = token(v, "scrutineer-2", Roles.SCRUTINEER);
        String tied = attestation(c, c.scrutineer());
        signOff(c, c.scrutineer(), tied).then().statusCode(200);
        signOff(c, scrutineer2, tied).then().statusCode(200).body("agreeingSignoffs", equalTo(2));
        String finalize = "/api/elections/" + v.election() + "/tally/finalize";
        as(c.chief()).post(finalize).then().statusCode(409)
                .body("type", equalTo("urn:ownersvote:problem:cannot-finalize"))
                .body("detail", equalTo("The tally cannot be finalized yet: a tie decides a seat or alternate place: "
                        + "the working group records the drawing of lots"));
        // the drawing of lots settles it; the figures it changes are attested anew
        as(v.workingGroup()).body(Map.of("candidateIdsInDrawnOrder", List.of(zhang, wang), "witnesses",
                List.of("居委会 李主任"))).post("/api/elections/" + v.election() + "/tally/lots").then().statusCode(204);
        String drawn = attestation(c, c.scrutineer());
        signOff(c, c.scrutineer(), drawn).then().statusCode(200);
        signOff(c, scrutineer2, drawn).then().statusCode(200).body("agreeingSignoffs", equalTo(2));
        as(c.chief()).post(finalize).then().statusCode(200)
                .body("provisional", equalTo(false))
                .body("tally.elected", equalTo(List.of(ding, zhang)));
    }

    // --- setup

    private Counting counting(int paper) throws IOException {
        Counting c = returnedWhileVoting(paper);
        closeVoting(c.v());
        return c;
    }

    /** The same election while voting still runs: the paper ballots returned and the online vote cast. */
    private Counting returnedWhileVoting(int paper) throws IOException {
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, MOTIONS);
        List<String> serials = as(v.workingGroup()).queryParam("building", "1号楼").queryParam("size", paper + 2)
                .get("/api/elections/" + v.election() + "/ballots").then().statusCode(200).extract().path("serial");
        for (String serial : serials.subList(0, paper)) {
            handout(v.leader(), serial).then().statusCode(200);
            returned(v.leader(), serial, null).then().statusCode(200);
        }
        String online = serials.get(paper);
        OwnerBallotTest.Sheet sheet = OwnerBallotTest.sheets(as(v.workingGroup()).queryParam("building", "1号楼")
                .queryParam("serial", online).post("/api/elections/" + v.election() + "/ballots/print").asString())
                .get(0);
        castOnline(v, sheet, "APPROVE", "APPROVE", "OPPOSE").then().statusCode(200);
        return staff(v, serials.subList(0, paper), online, serials.get(paper + 1));
    }

    /** election-service's announcement that voting closed, awaited: counting is open, online votes in the ledger. */
    private static void closeVoting(VotingFixture v) {
        v.send(new PhaseChanged(v.election(), v.community(), "VOTING", "COUNTING", OffsetDateTime.now(), false,
                null, "投票结束"));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> BallotElection.<BallotElection>findById(v.election()).phase.equals("COUNTING")));
    }

    /** The election with the tokens of its two counters, a scrutineer and the chief scrutineer. */
    private static Counting staff(VotingFixture v, List<String> returned, String online, String notReturned) {
        return new Counting(v, returned, online, notReturned, token(v, "counter-a", Roles.COUNTER),
                token(v, "counter-b", Roles.COUNTER), token(v, "scrutineer-1", Roles.SCRUTINEER),
                token(v, "chief", Roles.CHIEF_SCRUTINEER));
    }

    /** The owner's online vote with the sheet's code: the candidates marked in order, the motion approved. */
    private static Response castOnline(VotingFixture v, OwnerBallotTest.Sheet sheet, String... candidateMarks) {
        Map<String, String> marks = new HashMap<>();
        for (int i = 0; i < candidateMarks.length; i++) {
            marks.put(CANDIDATES.get(i).candidateId().toString(), candidateMarks[i]);
        }
        Map<String, Object> vote = new HashMap<>();
        vote.put("verificationCode", sheet.code());
        vote.put("marks", marks);
        vote.put("motions", Map.of(MOTIONS.get(0).motionId().toString(), "APPROVE"));
        return as(owner(v, sheet.serial())).body(vote).post("/api/ballots/" + sheet.serial() + "/cast");
    }

    private static String token(VotingFixture v, String name, String role) {
        return TestTokens.as(name, role).community(v.community()).election(v.election()).token();
    }

    private static String owner(VotingFixture v, String serial) {
        return TestTokens.as("owner:" + serial, Roles.OWNER).community(v.community()).election(v.election())
                .ballot(serial).token();
    }

    /** An entry marking the three candidates in order (null: left blank) and no motion. */
    private static Response enter(Counting c, String token, String serial, String signature, String a, String b,
            String d) {
        Map<String, String> marks = new HashMap<>();
        String[] given = { a, b, d };
        for (int i = 0; i < 3; i++) {
            if (given[i] != null) {
                marks.put(CANDIDATES.get(i).candidateId().toString(), given[i]);
            }
        }
        return as(token).body(Map.of("serial", serial, "signature", signature, "marks", marks))
                .post("/api/elections/" + c.v().election() + "/counting/entries");
    }

    private static Response tally(Counting c, String token) {
        return as(token).get("/api/elections/" + c.v().election() + "/tally");
    }

    private static Response signOff(Counting c, String token, String attestation) {
        Map<String, Object> body = new HashMap<>();
        body.put("attestation", attestation);
        return as(token).body(body).post("/api/elections/" + c.v().election()
                + "/tally/signoffs");
    }

    private static Response disagree(Counting c, String token, String attestation, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("attestation", attestation);
        body.put("disagree", true);
        body.put("note", note);
        return as(token).body(body).post("/api/elections/" + c.v().election() + "/tally/signoffs");
    }

    /** The code the verifier prints when it agrees, computed by the verifier's own code from the tally view. */
    private static String attestation(Counting c, String token) throws Exception {
        return Verifier.attestation(new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(tally(c, token).then().statusCode(200).extract().asString()));
    }
}
