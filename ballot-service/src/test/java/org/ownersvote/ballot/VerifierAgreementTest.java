package org.ownersvote.ballot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ownersvote.ballot.VotingFixture.as;
import static org.ownersvote.ballot.VotingFixture.handout;
import static org.ownersvote.ballot.VotingFixture.returned;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.events.election.BallotCandidate;
import org.ownersvote.events.election.BallotMotion;
import org.ownersvote.events.election.PhaseChanged;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.TestTokens;
import org.ownersvote.verifier.Verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The verifier, which shares no code with the tally engine, recomputes what the service published. */
@QuarkusTest
class VerifierAgreementTest {

    static final List<BallotCandidate> CANDIDATES = List.of(
            new BallotCandidate(UUID.randomUUID(), 1, "丁一", "1号楼", "101", ""),
            new BallotCandidate(UUID.randomUUID(), 2, "王二", "2号楼", "202", ""),
            new BallotCandidate(UUID.randomUUID(), 3, "张三", "3号楼", "303", ""));
    static final List<BallotMotion> MOTIONS = List.of(new BallotMotion(UUID.randomUUID(), 1, "议事规则", "MAJORITY"),
            new BallotMotion(UUID.randomUUID(), 2, "维修资金", "SPECIAL"));
    static final String[] MARKS = { "APPROVE", "APPROVE", "OPPOSE", "ABSTAIN" };
    static final String[] SIGNATURES = { "OWNER", "OWNER", "OWNER", "OWNER", "OWNER", "OWNER", "OWNER",
            "PROXY_WITH_AUTHORIZATION", "NONE", "PROXY_WITHOUT_AUTHORIZATION" };

    static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theVerifierAgreesWithTheEngineAndCatchesAnyEditedDeletedOrReorderedRecord() throws Exception {
        VotingFixture v = VotingFixture.open(bootstrap, CANDIDATES, MOTIONS);
        List<String> serials = new ArrayList<>();
        for (String building : List.of("1号楼", "2号楼")) {
            String leader = TestTokens.as("leader-" + building, Roles.BUILDING_LEADER).community(v.community())
                    .election(v.election()).buildings(building).token();
            List<String> ofBuilding = as(v.workingGroup()).queryParam("building", building).queryParam("size", 80)
                    .get("/api/elections/" + v.election() + "/ballots").then().statusCode(200).extract()
                    .path("serial");
            for (String serial : ofBuilding) {
                handout(leader, serial).then().statusCode(200);
                returned(leader, serial, null).then().statusCode(200);
                serials.add(serial);
            }
        }
        v.send(new PhaseChanged(v.election(), v.community(), "VOTING", "COUNTING", OffsetDateTime.now(), false,
                null, "投票结束"));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> BallotElection.<BallotElection>findById(v.election()).phase.equals("COUNTING")));
        String scrutineer = token(v, "scrutineer", Roles.SCRUTINEER);
        JsonNode electorate = JSON.readTree(as(scrutineer).get("/api/elections/" + v.election()
                + "/ledger/electorate").then().statusCode(200).extract().asString());
        int counted = 0;
        Random random = new Random(20261127);
        for (String serial : serials) {
            Map<String, Object> entry = new HashMap<>();
            entry.put("serial", serial);
            entry.put("signature", SIGNATURES[random.nextInt(SIGNATURES.length)]);
            Map<String, String> marks = new HashMap<>();
            CANDIDATES.forEach(c -> marks.put(c.candidateId().toString(), MARKS[random.nextInt(MARKS.length)]));
            entry.put("marks", marks);
            Map<String, String> motions = new HashMap<>();
            MOTIONS.forEach(m -> motions.put(m.motionId().toString(), MARKS[random.nextInt(3)]));
            entry.put("motions", motions);
            for (String counter : List.of("counter-a", "counter-b")) {
                as(token(v, counter, Roles.COUNTER)).body(entry)
                        .post("/api/elections/" + v.election() + "/counting/entries").then().statusCode(200);
            }
            if (++counted % 25 == 0) {
                // as scrutineers watch the count: each tally goes on from the last one's count (TallyCache), and
                // must still be what the verifier recomputes from the whole ledger
                assertEquals(List.of(), Verifier.verify(electorate, ledger(v, scrutineer), tally(v, scrutineer)),
                        "the tally after " + counted + " ballots");
            }
        }
        List<String> ledger = ledger(v, scrutineer);
        JsonNode tally = tally(v, scrutineer);
        assertEquals(serials.size(), ledger.size());
        assertTrue(tally.at("/tally/overVoted").asInt() > 0, "the generated election has over-voted ballots");
        assertTrue(tally.at("/tally/invalid/unsigned").asInt() > 0, "and unsigned ones");

        assertEquals(List.of(), Verifier.verify(electorate, ledger, tally));

        List<String> edited = new ArrayList<>(ledger);
        edited.set(5, edited.get(5).replaceFirst("\"(APPROVE|OPPOSE)\"", "\"ABSTAIN\""));
        assertFalse(Verifier.verify(electorate, edited, tally).isEmpty(), "an edited mark");
        List<String> deleted = new ArrayList<>(ledger);
        deleted.remove(7);
        assertFalse(Verifier.verify(electorate, deleted, tally).isEmpty(), "a deleted record");
        List<String> reordered = new ArrayList<>(ledger);
        reordered.set(2, ledger.get(3));
        reordered.set(3, ledger.get(2));
        assertFalse(Verifier.verify(electorate, reordered, tally).isEmpty(), "two records swapped");
        ObjectNode misreported = tally.deepCopy();
        ObjectNode first = (ObjectNode) misreported.at("/tally/candidates/0");
        first.put("approvingHeads", first.get("approvingHeads").asLong() + 1);
        List<String> figures = Verifier.verify(electorate, ledger, misreported);
        assertEquals(1, figures.size(), figures.toString());
        assertTrue(figures.get(0).contains("approving heads"), figures.toString());
    }

    private static String token(VotingFixture v, String name, String role) {
        return TestTokens.as(name, role).community(v.community()).election(v.election()).token();
    }

    private static List<String> ledger(VotingFixture v, String scrutineer) {
        return Arrays.asList(as(scrutineer).get("/api/elections/" + v.election() + "/ledger").then().statusCode(200)
                .extract().asString().split("\n"));
    }

    private static JsonNode tally(VotingFixture v, String scrutineer) throws Exception {
        return JSON.readTree(as(scrutineer).get("/api/elections/" + v.election() + "/tally").then().statusCode(200)
                .extract().asString());
    }
}
