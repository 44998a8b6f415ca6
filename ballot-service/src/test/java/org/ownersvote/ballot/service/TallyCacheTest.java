package org.ownersvote.ballot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ownersvote.ballot.domain.Mark;
import org.ownersvote.ballot.domain.ledger.LedgerHead;
import org.ownersvote.ballot.domain.tally.Signature;
import org.ownersvote.ballot.domain.tally.Tally;
import org.ownersvote.ballot.domain.tally.TallyEngine;
import org.ownersvote.ballot.domain.tally.TallyInput;

/**
 * The cache against a ledger held in a list (what the Counter reads from the database in TallyService): whatever it
 * keeps or goes on from, the tally it gives is the tally of the whole ledger up to the head asked for, computed
 * afresh.
 */
class TallyCacheTest {

    private static final TallyInput.Rules RULES = new TallyInput.Rules("CN-2021", 1, 0, List.of("A", "B"), Map.of());
    private static final TallyCache.Basis BASIS = new TallyCache.Basis(1, "CN-2021", 1, 0, "[A,B]", "[]");

    private final TallyCache cache = new TallyCache();
    private final UUID election = UUID.randomUUID();
    private final Ledger ledger = new Ledger(12);

    @Test
    void askingAgainWithTheSameInputsReadsNothing() {
        ledger.append(5);
        Tally first = cache.get(election, ledger.inputs(0), ledger);
        Tally again = cache.get(election, ledger.inputs(0), ledger);
        assertEquals(first, again);
        assertEquals(1, ledger.begun);
        assertEquals(5, ledger.added);
    }

    @Test
    void recordsCountedSinceAreAddedToTheKeptCountAndTheTallyIsTheWholeLedgers() {
        ledger.append(4);
        cache.get(election, ledger.inputs(0), ledger);
        ledger.append(3);
        Tally tally = cache.get(election, ledger.inputs(0), ledger);
        assertEquals(ledger.recount(), tally);
        assertEquals(1, ledger.begun, "the count went on");
        assertEquals(7, ledger.added, "4 records, then the 3 after them");
        assertEquals(7, tally.participation().units());
    }

    @Test
    void aLotsDrawTalliesAgainWithoutReadingTheLedger() {
        ledger.append(4);
        cache.get(election, ledger.inputs(0), ledger);
        cache.get(election, ledger.inputs(1), ledger);
        assertEquals(2, ledger.tallied);
        assertEquals(4, ledger.added);
    }

    @Test
    void aLedgerThatNoLongerHoldsTheHeadReachedIsCountedAgainFromTheGenesis() {
        ledger.append(4);
        cache.get(election, ledger.inputs(0), ledger);
        ledger.rewriteHashAt(4);
        ledger.append(2);
        Tally tally = cache.get(election, ledger.inputs(0), ledger);
        assertEquals(ledger.recount(), tally);
        assertEquals(2, ledger.begun);
        assertEquals(4 + 6, ledger.added);
    }

    @Test
    void anotherBasisOrAHeadBehindTheOneReachedBeginsAgain() {
        ledger.append(4);
        cache.get(election, ledger.inputs(0), ledger);
        cache.get(election, new TallyCache.Inputs(new TallyCache.Basis(2, "CN-2021", 1, 0, "[A,B]", "[]"),
                ledger.head(), 0), ledger);
        assertEquals(2, ledger.begun, "a new electorate version");
        Tally atTwo = cache.get(election, new TallyCache.Inputs(new TallyCache.Basis(2, "CN-2021", 1, 0, "[A,B]",
                "[]"), ledger.headAt(2), 0), ledger);
        assertEquals(3, ledger.begun, "a head behind the one reached");
        assertEquals(2, atTwo.participation().units());
    }

    @Test
    void aFailureWhileAddingKeepsNothingHalfCounted() {
        ledger.append(6);
        ledger.failAt = 5;
        assertThrows(IllegalStateException.class, () -> cache.get(election, ledger.inputs(0), ledger));
        ledger.failAt = -1;
        Tally tally = cache.get(election, ledger.inputs(0), ledger);
        assertEquals(ledger.recount(), tally);
        assertEquals(2, ledger.begun, "the half-added count was not gone on with");
    }

    @Test
    void eachElectionHasItsOwn() {
        ledger.append(3);
        Ledger other = new Ledger(12);
        other.append(1);
        UUID otherElection = UUID.randomUUID();
        Tally mine = cache.get(election, ledger.inputs(0), ledger);
        cache.get(otherElection, other.inputs(0), other);
        assertEquals(mine, cache.get(election, ledger.inputs(0), ledger));
        assertEquals(1, ledger.begun, "the other election's tally did not replace this one's");
        assertNotEquals(mine, cache.get(otherElection, other.inputs(0), other));
    }

    @Test
    void theCountsUsedLongestAgoGoBeyondTheBoundOnUnitsKept() {
        TallyCache small = new TallyCache(25);
        Ledger first = new Ledger(10);
        Ledger second = new Ledger(10);
        Ledger third = new Ledger(10);
        UUID firstElection = UUID.randomUUID();
        first.append(2);
        small.get(firstElection, first.inputs(0), first);
        second.append(2);
        small.get(UUID.randomUUID(), second.inputs(0), second);
        third.append(2);
        small.get(UUID.randomUUID(), third.inputs(0), third);
        first.append(1);
        assertEquals(first.recount(), small.get(firstElection, first.inputs(0), first));
        assertEquals(2, first.begun, "30 units were more than 25: the first election's count was let go");
    }

    /**
     * A ledger of ballots for units 1, 2, 3, … of one building, alternately approving A and B, each with a hash of
     * its own; it counts how often the cache began, added and tallied.
     */
    private static final class Ledger implements TallyCache.Counter {

        private final List<TallyInput.Unit> electorate = new ArrayList<>();
        private final List<TallyInput.Ballot> records = new ArrayList<>();
        private final List<String> hashes = new ArrayList<>();
        int begun;
        int added;
        int tallied;
        int failAt = -1;

        Ledger(int units) {
            for (int u = 1; u <= units; u++) {
                electorate.add(new TallyInput.Unit("1", String.valueOf(u), new BigDecimal("50.25"), "P" + u));
            }
        }

        void append(int ballots) {
            for (int i = 0; i < ballots; i++) {
                int position = records.size() + 1;
                records.add(new TallyInput.Ballot("S" + position, "1", String.valueOf(position), Signature.OWNER,
                        Map.of(position % 2 == 0 ? "A" : "B", Mark.APPROVE), Map.of()));
                hashes.add("h" + position);
            }
        }

        void rewriteHashAt(int position) {
            hashes.set(position - 1, "other");
        }

        LedgerHead headAt(int position) {
            return new LedgerHead(position, position == 0 ? "genesis" : hashes.get(position - 1));
        }

        LedgerHead head() {
            return headAt(records.size());
        }

        TallyCache.Inputs inputs(long lotsDrawn) {
            return new TallyCache.Inputs(BASIS, head(), lotsDrawn);
        }

        Tally recount() {
            return TallyEngine.compute(RULES, electorate, records, List.of());
        }

        @Override
        public TallyEngine.Count begin() {
            begun++;
            return TallyEngine.begin(RULES, electorate);
        }

        @Override
        public boolean holds(LedgerHead head) {
            return head.position() <= records.size() && headAt(head.position()).equals(head);
        }

        @Override
        public void add(TallyEngine.Count count, int after, LedgerHead head) {
            for (int position = after + 1; position <= head.position(); position++) {
                if (position == failAt) {
                    throw new IllegalStateException("the database went away at " + position);
                }
                count.add(records.get(position - 1));
                added++;
            }
        }

        @Override
        public Tally tally(TallyEngine.Count count) {
            tallied++;
            return count.tally(List.of());
        }
    }
}
