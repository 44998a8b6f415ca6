package org.ownersvote.ballot;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ownersvote.ballot.VotingFixture.as;
import static org.ownersvote.ballot.VotingFixture.handout;
import static org.ownersvote.ballot.VotingFixture.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.ballot.counting.LedgerRecord;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.repository.BallotRepository;
import org.ownersvote.ballot.repository.ElectorateRepository;
import org.ownersvote.ballot.service.ElectionRegistry;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.election.BallotCandidate;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.platform.problem.ProblemTexts;
import org.ownersvote.platform.problem.When;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.TestEvents;
import org.ownersvote.platform.testing.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Issue 16: one instant closes voting, every vote is measured against it, and ballots received before it count. */
@QuarkusTest
class VotingCloseTest {

    static final List<BallotCandidate> CANDIDATES = List.of(
            new BallotCandidate(UUID.randomUUID(), 1, "丁一", "1号楼", "101", "服务业主"),
            new BallotCandidate(UUID.randomUUID(), 2, "王二", "2号楼", "202", "公开透明"));

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ElectionRegistry registry;

    @Inject
    BallotRepository ballots;

    @Inject
    ElectorateRepository electorate;

    @Test
    void votesRacingTheCloseAreAcceptedOnlyBeforeItAndNoneAfter() throws Exception {
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, List.of());
        List<String> serials = codes(v, 40);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> casts = new ArrayList<>();
            for (int i = 0; i < serials.size(); i++) {
                String serial = serials.get(i);
                casts.add(pool.submit(() -> cast(v, serial)));
                if (i == serials.size() / 2) {
                    casts.add(pool.submit(() -> close(v, "COUNTING")));
                }
            }
            int accepted = 0;
            for (Future<Response> cast : casts) {
                int code = cast.get().statusCode();
                assertTrue(code == 200 || code == 409, "a vote is accepted or refused as after the close: " + code);
                accepted += code == 200 ? 1 : 0;
            }
            OffsetDateTime closedAt = QuarkusTransaction.requiringNew().call(
                    () -> BallotElection.<BallotElection>findById(v.election()).votingClosedAt);
            List<OffsetDateTime> castAt = QuarkusTransaction.requiringNew().call(() -> OnlineVote
                    .<OnlineVote>find("electionId", v.election()).stream().map(o -> o.castAt).toList());
            assertEquals(accepted - 1, castAt.size(), "every accepted vote is recorded once (the close answered 200)");
            castAt.forEach(at -> assertTrue(at.isBefore(closedAt), at + " is not before the close " + closedAt));
            // every vote after the close's answer is refused, and counting opened in the same step
            cast(v, serials.get(serials.size() - 1)).then().statusCode(409).body("detail",
                    containsString("voting is closed"));
            long ledger = QuarkusTransaction.requiringNew().call(() -> LedgerRecord
                    .count("electionId", v.election()));
            assertEquals(castAt.size(), ledger, "the online votes accepted before the close are in the ledger");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCloseIsOneInstantRecordedOnceAndCountingIsOpenAtOnce() throws Exception {
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, List.of());
        String serial = v.firstBallot("1号楼");
        handout(v.leader(), serial).then().statusCode(200);
        VotingFixture.returned(v.leader(), serial, null).then().statusCode(200);
        String first = close(v, "COUNTING").then().statusCode(200).extract().path("votingClosedAt");
        assertEquals(first, close(v, "COUNTING").then().statusCode(200).extract().path("votingClosedAt"),
                "a repeated call answers the same instant");
        String counter = TestTokens.as("counter-a", Roles.COUNTER).community(v.community()).election(v.election())
                .token();
        as(counter).body(Map.of("serial", serial, "signature", "OWNER", "marks",
                Map.of(CANDIDATES.get(0).candidateId().toString(), "APPROVE")))
                .post("/api/elections/" + v.election() + "/counting/entries").then().statusCode(200);
        String otherWorkingGroup = TestTokens.as("wg-x", Roles.WORKING_GROUP).community(UUID.randomUUID()).token();
        as(otherWorkingGroup).body(Map.of("to", "COUNTING")).post("/internal/elections/" + v.election()
                + "/voting-close").then().statusCode(403);
        as(v.leader()).body(Map.of("to", "COUNTING")).post("/internal/elections/" + v.election()
                + "/voting-close").then().statusCode(403);
    }

    @Test
    void aBallotReceivedBeforeTheCloseCountsAndOneReceivedAfterIsKeptAsLate() throws Exception {
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, List.of());
        String early = v.firstBallot("1号楼");
        handout(v.leader(), early).then().statusCode(200);
        List<String> more = as(v.workingGroup()).queryParam("building", "1号楼").queryParam("size", 3)
                .get("/api/elections/" + v.election() + "/ballots").then().extract().path("serial");
        String late = more.get(1);
        handout(v.leader(), late).then().statusCode(200);
        OffsetDateTime beforeClose = OffsetDateTime.now(); // the moment the leader collected it, just before the close
        OffsetDateTime closedAt = OffsetDateTime.parse(close(v, "COUNTING").then().statusCode(200).extract()
                .path("votingClosedAt"));
        // the leader's last door-to-door batch, collected before the close, is recorded during counting
        as(v.leader()).body(Map.of("channel", "DOOR_TO_DOOR", "at", beforeClose.toString()))
                .post("/api/ballots/" + early + "/return").then().statusCode(200).body("status", equalTo("RETURNED"));
        // one received after the close is on record as late
        as(v.leader()).body(Map.of("channel", "BALLOT_BOX"))
                .post("/api/ballots/" + late + "/return").then().statusCode(200)
                .body("status", equalTo("RETURNED_LATE"));
        assertTrue(closedAt.isAfter(beforeClose));
        handout(v.leader(), more.get(2)).then().statusCode(409).body("detail", containsString("voting is closed"));
        String counter = TestTokens.as("counter-a", Roles.COUNTER).community(v.community()).election(v.election())
                .token();
        Map<String, Object> entry = new HashMap<>(Map.of("signature", "OWNER", "marks",
                Map.of(CANDIDATES.get(0).candidateId().toString(), "APPROVE")));
        entry.put("serial", early);
        as(counter).body(entry).post("/api/elections/" + v.election() + "/counting/entries").then().statusCode(200);
        entry.put("serial", late);
        as(counter).body(entry).post("/api/elections/" + v.election() + "/counting/entries").then().statusCode(409)
                .body("detail", containsString("received after voting closed"));
        assertEquals(BallotStatus.RETURNED_LATE, status(late));
        long trail = QuarkusTransaction.requiringNew().call(() -> ((Number) Ballot.getEntityManager()
                .createNativeQuery("select count(*) from ballot_step where serial = ?1 and action = 'RETURN'")
                .setParameter(1, late).getSingleResult()).longValue());
        assertEquals(1, trail, "the late return is on the ballot's trail");
    }

    @Test
    void whenTheDeadlinePassesOnTheClockVotesStopAndEarlierReturnsAreStillRecorded() throws Exception {
        // long enough for the setup on a loaded machine; the test then waits for the deadline to pass
        OffsetDateTime deadline = OffsetDateTime.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS);
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, List.of(), deadline);
        List<String> serials = codes(v, 2);
        cast(v, serials.get(0)).then().statusCode(200);
        handout(v.leader(), serials.get(1)).then().statusCode(200);
        await().atMost(Duration.ofSeconds(40)).until(() -> OffsetDateTime.now().isAfter(deadline.plusSeconds(1)));
        cast(v, serials.get(1)).then().statusCode(409).body("detail", containsString("voting is closed"))
                .body("detail", equalTo(serials.get(1) + ": voting is closed (it ended at "
                        + When.of(deadline.toInstant()).in(ProblemTexts.ENGLISH)
                        + "): online votes are no longer accepted"));
        // in Beijing time, in the owner's language
        as(owner(v, serials.get(1))).header("Accept-Language", "zh-CN,zh;q=0.9")
                .body(Map.of("verificationCode", CODES.get(serials.get(1)), "marks", Map.of()))
                .post("/api/ballots/" + serials.get(1) + "/cast").then().statusCode(409)
                .body("title", equalTo("未能登记"))
                .body("detail", equalTo("选票 " + serials.get(1) + "：投票已于"
                        + When.of(deadline.toInstant()).in(ProblemTexts.CHINESE) + "截止，不能再网上投票"));
        as(v.leader()).body(Map.of("channel", "DOOR_TO_DOOR", "at", deadline.minusSeconds(1).toString()))
                .post("/api/ballots/" + serials.get(1) + "/return").then().statusCode(200)
                .body("status", equalTo("RETURNED"));
        // the working group closes afterwards: the close is the deadline, the instant every vote was measured against
        String closedAt = close(v, "COUNTING").then().statusCode(200).extract().path("votingClosedAt");
        assertEquals(deadline.toInstant(), OffsetDateTime.parse(closedAt).toInstant());
        as(v.workingGroup()).header("Accept-Language", "zh-CN,zh;q=0.9").body(Map.of("to", "CLOSED"))
                .post("/internal/elections/" + v.election() + "/voting-close").then().statusCode(422)
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].code", equalTo("field.close-to"))
                .body("errors[0].message", equalTo("只能是计票或选举终止"));
        close(v, "CLOSED").then().statusCode(422)
                .body("errors[0].code", equalTo("field.close-to"))
                .body("errors[0].message", equalTo("must be COUNTING or FAILED"));
    }

    @Test
    void votingOpenedByTheCallIssuesTheBallotsSoPrintingWorksAtOnce() throws Exception {
        UUID community = UUID.randomUUID();
        UUID election = UUID.randomUUID();
        VotingFixture v = new VotingFixture(bootstrap, community, election, null,
                TestTokens.as("wg", Roles.WORKING_GROUP).community(community).token(), CANDIDATES, List.of());
        v.send(new ElectionCreated(election, community, "账本小区", "第三届", "CN-2021", 2, 0, 14, false));
        Map<String, Object> open = Map.of("opened", new VotingOpened(election, community, "CN-2021", 2, 0,
                OffsetDateTime.now().plusDays(14), 1, CANDIDATES, List.of(), false), "at",
                OffsetDateTime.now()
                        .toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> BallotElection.findById(election)) != null);
        // the electorate has not arrived: voting does not open, and nothing is recorded
        as(v.workingGroup()).body(open).post("/internal/elections/" + election + "/voting-open").then()
                .statusCode(503).header("Retry-After", equalTo("5"))
                .body("detail", containsString("ballot-service has not yet received the whole electorate"));
        as(v.workingGroup()).header("Accept-Language", "zh-CN,zh;q=0.9").body(open)
                .post("/internal/elections/" + election + "/voting-open").then().statusCode(503)
                .body("title", equalTo("暂未就绪"))
                .body("detail", equalTo("计票服务还没有收到本次选举的全部业主名单，暂时不能生成选票；收到后即可开始投票（请稍后再试）"));
        // nor does it close: it never opened, and the phase is named in words
        as(v.workingGroup()).header("Accept-Language", "zh-CN,zh;q=0.9").body(Map.of("to", "FAILED"))
                .post("/internal/elections/" + election + "/voting-close").then().statusCode(409)
                .body("detail", equalTo("计票服务记录的这场选举不在投票阶段（现在是筹备阶段），没有可以截止的投票"));
        close(v, "FAILED").then().statusCode(409).body("detail", equalTo("Voting is not open in ballot-service (it "
                + "records the election in the preparation phase), so there is nothing to close"));
        assertEquals(null, QuarkusTransaction.requiringNew().call(
                () -> BallotElection.<BallotElection>findById(election).votingOpenedAt));
        TestEvents.electorate(election, 1, 300).forEach(v::send);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> electorate.of(election, 1).map(e -> e.complete).orElse(false)));
        as(v.workingGroup()).body(open).post("/internal/elections/" + election + "/voting-open").then()
                .statusCode(200);
        as(v.workingGroup()).queryParam("building", "1号楼").post("/api/elections/" + election + "/ballots/print")
                .then().statusCode(200);
        assertEquals(270L, (long) QuarkusTransaction.requiringNew().call(() -> ballots.live(election)));
    }

    /**
     * A phase event whose handler read the election before voting opened by election-service's call, and commits
     * after it, must not write the old phase and a null opening back (seen in a benchmark: ballot-service's copy
     * fell back to candidate publicity with its ballots issued, every handout was refused, and the voting-opened
     * event then failed on the ballots already there).
     */
    @Test
    void aPhaseEventInFlightWhileVotingOpensDoesNotUndoTheOpening() throws Exception {
        UUID community = UUID.randomUUID();
        UUID election = UUID.randomUUID();
        VotingFixture v = new VotingFixture(bootstrap, community, election, null,
                TestTokens.as("wg", Roles.WORKING_GROUP).community(community).token(), CANDIDATES, List.of());
        v.send(new ElectionCreated(election, community, "账本小区", "第三届", "CN-2021", 2, 0, 14, false));
        TestEvents.electorate(election, 1, 300).forEach(v::send);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> electorate.of(election, 1).map(e -> e.complete).orElse(false)));
        OffsetDateTime now = OffsetDateTime.now();
        PhaseChanged publicity = new PhaseChanged(election, community, "NOMINATION", "CANDIDATE_PUBLICITY", now,
                false, null, null);
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(),
                "election.phase-changed.v1", "election-service", now, election.toString(), EventEnvelope.CONTENT_TYPE,
                null, null);
        CountDownLatch handlerRead = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // the event's handler: reads the election, then holds its transaction open while voting opens
            Future<?> event = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                registry.phaseChanged(envelope, publicity);
                handlerRead.countDown();
                sleep(1500);
            }));
            handlerRead.await();
            Future<Integer> call = threads.submit(() -> as(v.workingGroup()).body(Map.of("opened",
                    new VotingOpened(election, community, "CN-2021", 2, 0, now.plusDays(14), 1, CANDIDATES,
                            List.of(), false),
                    "at", now.toString()))
                    .post("/internal/elections/" + election + "/voting-open").then().extract().statusCode());
            event.get();
            assertEquals(200, call.get());
        } finally {
            threads.shutdown();
        }
        BallotElection copy = QuarkusTransaction.requiringNew().call(() -> BallotElection.findById(election));
        assertEquals("VOTING", copy.phase);
        assertTrue(copy.votingOpenedAt != null && copy.ballotsIssuedAt != null, "opening and issuance kept");
        assertEquals(270L, (long) QuarkusTransaction.requiringNew().call(() -> ballots.live(election)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints 1号楼 and returns the first {@code n} serials, their codes remembered for the owner's vote. */
    private List<String> codes(VotingFixture v, int n) throws Exception {
        String page = as(v.workingGroup()).queryParam("building", "1号楼")
                .post("/api/elections/" + v.election() + "/ballots/print").then().statusCode(200).extract().asString();
        List<String> serials = new ArrayList<>();
        for (OwnerBallotTest.Sheet sheet : OwnerBallotTest.sheets(page).subList(0, n)) {
            CODES.put(sheet.serial(), sheet.code());
            serials.add(sheet.serial());
        }
        return serials;
    }

    private static final Map<String, String> CODES = new ConcurrentHashMap<>();

    private Response cast(VotingFixture v, String serial) {
        String owner = TestTokens.as("owner:" + serial, Roles.OWNER).community(v.community()).election(v.election())
                .ballot(serial).token();
        return as(owner).body(Map.of("verificationCode", CODES.get(serial), "marks",
                Map.of(CANDIDATES.get(0).candidateId().toString(), "APPROVE", CANDIDATES.get(1).candidateId()
                        .toString(), "OPPOSE")))
                .post("/api/ballots/" + serial + "/cast");
    }

    private static String owner(VotingFixture v, String serial) {
        return TestTokens.as("owner:" + serial, Roles.OWNER).community(v.community()).election(v.election())
                .ballot(serial).token();
    }

    private static Response close(VotingFixture v, String to) {
        return as(v.workingGroup()).body(Map.of("to", to)).post("/internal/elections/" + v.election()
                + "/voting-close");
    }
}
