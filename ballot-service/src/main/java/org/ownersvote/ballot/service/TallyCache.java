package org.ownersvote.ballot.service;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ownersvote.ballot.domain.ledger.LedgerHead;
import org.ownersvote.ballot.domain.tally.Tally;
import org.ownersvote.ballot.domain.tally.TallyEngine;

/**
 * The tallies computed, and the counts they came from, kept per election so that a tally asked for again costs a
 * few reads, and a tally after more ballots were counted costs only those ballots, not a recount of the whole
 * ledger (96,000 counted ballots take about 6 s to recount on a 2-core machine; scrutineers refresh the tally while
 * counters go on entering).
 * <p>
 * A tally is a function of its {@link Inputs} alone: the ledger's head stands for every counted ballot in order (each
 * record's hash chains the one before), the {@link Basis} for the electorate and the ballot's content and rules, the
 * number of lots drawn for the draws. A kept count goes on from the head it reached only while the basis is the same
 * and the ledger still holds that head; the records before it are never changed (the database refuses it), so the
 * count of them stands. Anything else begins the count again from the genesis.
 */
@ApplicationScoped
public class TallyCache {

    /** What a count begins from: the electorate's version, and the ballot's rule pack, seats and content. */
    public record Basis(Integer electorateVersion, String rulePack, int seats, int alternates, String candidates,
            String motions) {
    }

    /** What a tally is computed from, as cheaply as it can be read. */
    public record Inputs(Basis basis, LedgerHead head, long lotsDrawn) {
    }

    /** How one election is counted, for the cache to begin or go on with its count. */
    public interface Counter {

        /** A count of the electorate with nothing added. */
        TallyEngine.Count begin();

        /** Whether the ledger still ends at or runs through {@code head}: its record at that position has that hash. */
        boolean holds(LedgerHead head);

        /** Adds the ledger's records after position {@code after} up to {@code head} to {@code count}. */
        void add(TallyEngine.Count count, int after, LedgerHead head);

        /** The tally of what {@code count} holds, with the lots drawn. */
        Tally tally(TallyEngine.Count count);
    }

    private record Computed(Inputs inputs, Tally tally) {
    }

    private static final int TALLIES_KEPT = 64;

    /**
     * Units of the electorates whose counts are kept: a count takes some 250 bytes per unit (per person and candidate
     * sums, the unit index), so 200,000 units are about 50 MB; the counts used longest ago go first.
     */
    private static final long UNITS_KEPT = 200_000;

    private final Map<UUID, Computed> tallies = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Computed> eldest) {
            return size() > TALLIES_KEPT;
        }
    };

    private final LinkedHashMap<UUID, Running> counts = new LinkedHashMap<>(16, 0.75f, true);

    private final long unitsKept;

    public TallyCache() {
        this(UNITS_KEPT);
    }

    /** A cache keeping counts of at most {@code unitsKept} units in all. */
    TallyCache(long unitsKept) {
        this.unitsKept = unitsKept;
    }

    /**
     * The tally for these inputs: the one kept if it was computed from the same inputs, else the kept count gone on
     * with the records after its head, else a count begun afresh. One election is counted by one caller at a time.
     */
    public Tally get(UUID electionId, Inputs inputs, Counter counter) {
        Running running;
        synchronized (this) {
            Computed kept = tallies.get(electionId);
            if (kept != null && kept.inputs().equals(inputs)) {
                return kept.tally();
            }
            running = counts.computeIfAbsent(electionId, id -> new Running());
        }
        Tally tally;
        synchronized (running) {
            tally = running.tally(inputs, counter);
        }
        synchronized (this) {
            tallies.put(electionId, new Computed(inputs, tally));
            evictBeyond(unitsKept, electionId);
        }
        return tally;
    }

    /** Drops the counts used longest ago until those kept hold at most {@code bound} units; never {@code current}'s. */
    private void evictBeyond(long bound, UUID current) {
        long kept = counts.values().stream().mapToLong(r -> r.keptUnits).sum();
        Iterator<Map.Entry<UUID, Running>> eldestFirst = counts.entrySet().iterator();
        while (kept > bound && eldestFirst.hasNext()) {
            Map.Entry<UUID, Running> entry = eldestFirst.next();
            if (!entry.getKey().equals(current)) {
                kept -= entry.getValue().keptUnits;
                eldestFirst.remove();
            }
        }
    }

    /** One election's count and how far into the ledger it reached; used under its own monitor. */
    private static final class Running {

        private Basis basis;
        private LedgerHead reached;
        private TallyEngine.Count count;
        /** The count's electorate size, for the bound on what is kept (read under the cache's monitor). */
        private volatile long keptUnits;

        Tally tally(Inputs inputs, Counter counter) {
            boolean goesOn = count != null && inputs.basis().equals(basis)
                    && reached.position() <= inputs.head().position() && counter.holds(reached);
            TallyEngine.Count counting = goesOn ? count : counter.begin();
            int after = goesOn ? reached.position() : 0;
            // while records are added the count is not whole: if adding fails, nothing half-counted is kept
            count = null;
            counter.add(counting, after, inputs.head());
            basis = inputs.basis();
            reached = inputs.head();
            count = counting;
            keptUnits = counting.electorateUnits();
            return counter.tally(counting);
        }
    }
}
