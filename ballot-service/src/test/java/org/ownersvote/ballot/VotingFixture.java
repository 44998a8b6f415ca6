package org.ownersvote.ballot;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.repository.BallotRepository;
import org.ownersvote.events.Topics;
import org.ownersvote.events.election.BallotCandidate;
import org.ownersvote.events.election.BallotMotion;
import org.ownersvote.events.election.ElectionCreated;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.platform.security.Roles;
import org.ownersvote.platform.testing.KafkaTopics;
import org.ownersvote.platform.testing.TestEvents;
import org.ownersvote.platform.testing.TestTokens;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * An election in VOTING with its ballots issued (300 units, 270 counted, in 1号楼–3号楼), announced through the real
 * broker as election-service would, and the tokens of its working group and of the leader of 1号楼.
 */
record VotingFixture(String bootstrap, UUID community, UUID election, String leader, String workingGroup,
        List<BallotCandidate> candidates, List<BallotMotion> motions) {

    static VotingFixture open(String bootstrap) {
        return open(bootstrap, List.of(), List.of());
    }

    static VotingFixture open(String bootstrap, List<BallotCandidate> candidates, List<BallotMotion> motions) {
        return open(bootstrap, candidates, motions, OffsetDateTime.now().plusDays(14));
    }

    static VotingFixture open(String bootstrap, List<BallotCandidate> candidates, List<BallotMotion> motions,
            OffsetDateTime deadline) {
        return open(bootstrap, candidates, motions, deadline, election -> TestEvents.electorate(election, 1, 300), 270);
    }

    /**
     * An election in VOTING with these candidates and motions over {@code units} units of 1号楼 (every tenth a parking
     * space; units two by two one person's, as TestEvents publishes them).
     */
    static VotingFixture open(String bootstrap, List<BallotCandidate> candidates, List<BallotMotion> motions,
            int units) {
        return open(bootstrap, candidates, motions, OffsetDateTime.now().plusDays(14),
                election -> TestEvents.electorate(election, 1, units), units - units / 10);
    }

    /** An election in VOTING over the units given as {building, unit} (every tenth a parking space). */
    static VotingFixture open(String bootstrap, List<String[]> units) {
        return open(bootstrap, List.of(), List.of(), OffsetDateTime.now().plusDays(14),
                election -> TestEvents.electorate(election, 1, units), units.size() - units.size() / 10);
    }

    private static VotingFixture open(String bootstrap, List<BallotCandidate> candidates, List<BallotMotion> motions,
            OffsetDateTime deadline, Function<UUID, List<Record>> electorate, long ballots) {
        UUID community = UUID.randomUUID();
        UUID election = UUID.randomUUID();
        VotingFixture v = new VotingFixture(bootstrap, community, election,
                TestTokens.as("leader-" + election.toString().substring(0, 6), Roles.BUILDING_LEADER)
                        .community(community).election(election).buildings("1号楼").token(),
                TestTokens.as("wg", Roles.WORKING_GROUP).community(community).token(), candidates, motions);
        v.send(new ElectionCreated(election, community, "账本小区", "第三届业主委员会选举", "CN-2021", 2, 0, 14, false));
        electorate.apply(election).forEach(v::send);
        v.send(new VotingOpened(election, community, "CN-2021", 2, 0, deadline, 1, candidates, motions, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Arc.container().instance(BallotRepository.class).get().live(election)) == ballots);
        return v;
    }

    void send(Record payload) {
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, election.toString(),
                TestEvents.envelope(UUID.randomUUID().toString(), election, payload));
    }

    String firstBallot(String building) {
        return as(workingGroup).queryParam("building", building).queryParam("size", 1)
                .get("/api/elections/" + election + "/ballots").then().statusCode(200)
                .extract().path("[0].serial");
    }

    static BallotStatus status(String serial) {
        return QuarkusTransaction.requiringNew().call(() -> Ballot.<Ballot>find("serial", serial).firstResult().status);
    }

    static Response handout(String token, String serial) {
        return as(token).body(Map.of("recipientName", "张三", "relation", "OWNER", "method", "IN_PERSON"))
                .post("/api/ballots/" + serial + "/handout");
    }

    static Response returned(String token, String serial, String reason) {
        Map<String, Object> body = reason == null ? Map.of("channel", "BALLOT_BOX")
                : Map.of("channel", "BALLOT_BOX", "reason", reason);
        return as(token).body(body).post("/api/ballots/" + serial + "/return");
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).log().ifValidationFails();
    }
}
