package org.ownersvote.ballot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.ownersvote.ballot.domain.tally.Tally;

class TallyCacheTest {

    private final TallyCache cache = new TallyCache();
    private final UUID election = UUID.randomUUID();
    private final AtomicInteger recounts = new AtomicInteger();

    private Tally recount() {
        recounts.incrementAndGet();
        return null; // the cache keeps whatever the recount returned; its content does not matter here
    }

    private static TallyCache.Inputs inputs(String head, long lots) {
        return new TallyCache.Inputs(head, 1, lots, "CN-2021", 5, 2, "[c1,c2]", "[]");
    }

    @Test
    void askingAgainWithTheSameInputsDoesNotRecount() {
        cache.get(election, inputs("h1", 0), this::recount);
        cache.get(election, inputs("h1", 0), this::recount);
        assertEquals(1, recounts.get());
    }

    @Test
    void aNewLedgerRecordOrALotsDrawRecounts() {
        cache.get(election, inputs("h1", 0), this::recount);
        cache.get(election, inputs("h2", 0), this::recount);
        cache.get(election, inputs("h2", 1), this::recount);
        assertEquals(3, recounts.get());
    }

    @Test
    void eachElectionHasItsOwn() {
        cache.get(election, inputs("h1", 0), this::recount);
        cache.get(UUID.randomUUID(), inputs("h1", 0), this::recount);
        cache.get(election, inputs("h1", 0), this::recount);
        assertEquals(2, recounts.get(), "the other election's tally did not replace this one's");
    }
}
