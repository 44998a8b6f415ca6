package org.ownersvote.ballot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ownersvote.ballot.domain.BallotStatus;
import org.ownersvote.ballot.domain.SerialNumbers;
import org.ownersvote.ballot.repository.BallotRepository;
import org.ownersvote.events.Topics;
import org.ownersvote.events.election.BallotCandidate;
import org.ownersvote.events.election.BallotMotion;
import org.ownersvote.events.election.VotingOpened;
import org.ownersvote.platform.testing.KafkaTopics;
import org.ownersvote.platform.testing.TestEvents;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BallotIssuanceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    BallotRepository ballots;

    @Test
    void oneBallotPerCountedUnitIsIssuedOnceWhenVotingOpens() {
        UUID election = UUID.randomUUID();
        send(election, TestEvents.electionCreated(election, UUID.randomUUID(), "发票小区"));
        TestEvents.electorate(election, 1, 2500).forEach(e -> send(election, e));
        String votingOpened = TestEvents.envelope(UUID.randomUUID().toString(), election, votingOpened(election));
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, election.toString(), votingOpened);
        // the same event redelivered, and the same announcement under a new event id: nothing new is issued
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, election.toString(), votingOpened);
        send(election, votingOpened(election));
        UUID marker = UUID.randomUUID();
        send(election, TestEvents.electionCreated(marker, UUID.randomUUID(), "标记"));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> BallotElection.findById(marker) != null));

        assertEquals(2250L, live(election), "2,500 units, of which every tenth is a parking space");
        List<Ballot> ballots = QuarkusTransaction.requiringNew()
                .call(() -> Ballot.<Ballot>list("electionId", election));
        assertTrue(ballots.stream().noneMatch(b -> b.kind.equals("parking")));
        assertTrue(
                ballots.stream().allMatch(b -> b.status == BallotStatus.ISSUED && SerialNumbers.wellFormed(b.serial)));
        assertEquals(2250, ballots.stream().map(b -> b.serial).distinct().count());
    }

    @Test
    void ballotsWaitForTheElectorateToArriveComplete() {
        UUID election = UUID.randomUUID();
        send(election, TestEvents.electionCreated(election, UUID.randomUUID(), "等待小区"));
        List<Record> electorate = TestEvents.electorate(election, 1, 1500);
        send(election, electorate.get(0));
        send(election, electorate.get(1));
        send(election, votingOpened(election));
        // the election may not be recorded yet when the first poll runs
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            BallotElection known = BallotElection.findById(election);
            return known != null && known.electorateVersion != null;
        }));
        assertEquals(0L, live(election), "one chunk is still missing");

        send(election, electorate.get(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> live(election) == 1350L);
    }

    @Test
    void theDatabaseHoldsAtMostOneLiveBallotPerUnit() {
        UUID election = UUID.randomUUID();
        send(election, TestEvents.electionCreated(election, UUID.randomUUID(), "一户一票小区"));
        TestEvents.electorate(election, 1, 10).forEach(e -> send(election, e));
        send(election, votingOpened(election));
        await().atMost(Duration.ofSeconds(30)).until(() -> live(election) == 9L);
        Ballot issued = QuarkusTransaction.requiringNew().call(() -> Ballot.<Ballot>find(
                "electionId = ?1 order by sequence", election).firstResult());
        // a second live ballot for the unit, as a faulty issuance would write it: refused by index ballot_live_unit
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> insertBallotForUnitOf(issued, 100, BallotStatus.ISSUED));
        assertTrue(Stream.iterate((Throwable) refused, t -> t != null, Throwable::getCause)
                .anyMatch(t -> String.valueOf(t.getMessage()).contains("\"ballot_live_unit\"")),
                "refused by the index, not by anything else: " + refused);
        // a voided one beside it is allowed: that is how a void and its replacement stand
        insertBallotForUnitOf(issued, 101, BallotStatus.VOIDED);
        assertEquals(9L, live(election));
        assertEquals(2L, (long) QuarkusTransaction.requiringNew().call(() -> Ballot.count(
                "electionId = ?1 and building = ?2 and unit = ?3", election, issued.building, issued.unit)));
    }

    /** A ballot for the unit of {@code other}, written to the table directly, past every service check. */
    private static void insertBallotForUnitOf(Ballot other, int sequence, BallotStatus status) {
        QuarkusTransaction.requiringNew().run(() -> Ballot.getEntityManager().createNativeQuery("""
                insert into ballot (id, election_id, serial, sequence, building, unit, kind, area, person_key,
                                    status, issued_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, other.electionId)
                .setParameter(3, SerialNumbers.serial(other.electionId, sequence)).setParameter(4, sequence)
                .setParameter(5, other.building).setParameter(6, other.unit).setParameter(7, other.kind)
                .setParameter(8, other.area).setParameter(9, other.personKey).setParameter(10, status.name())
                .setParameter(11, OffsetDateTime.now()).executeUpdate());
    }

    private static VotingOpened votingOpened(UUID election) {
        return new VotingOpened(election, UUID.randomUUID(), "CN-2021", 5, 0, OffsetDateTime.now().plusDays(14), 1,
                List.of(new BallotCandidate(UUID.randomUUID(), 1, "丁伟", "1号楼", "1001", "")),
                List.of(new BallotMotion(UUID.randomUUID(), 1, "通过《议事规则》", "MAJORITY")), false);
    }

    private long live(UUID election) {
        return QuarkusTransaction.requiringNew().call(() -> ballots.live(election));
    }

    private void send(UUID election, Record payload) {
        KafkaTopics.send(bootstrap, Topics.ELECTION_EVENTS, election.toString(),
                TestEvents.envelope(UUID.randomUUID().toString(), election, payload));
    }
}
