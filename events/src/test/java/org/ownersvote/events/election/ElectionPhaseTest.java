package org.ownersvote.events.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ElectionPhaseTest {

    /** Every name election-service writes into phase-changed, in the order an election goes through them. */
    static final List<String> NAMES = List.of("DRAFT", "NOMINATION", "CANDIDATE_PUBLICITY", "VOTING", "COUNTING",
            "RESULT_PUBLICITY", "CLOSED", "FAILED");

    @Test
    void everyPhaseNameTheEventsCarryIsReadAsItsPhase() {
        for (String name : NAMES) {
            assertEquals(name, ElectionPhase.of(name).name());
        }
        assertEquals(NAMES, Arrays.stream(ElectionPhase.values()).map(Enum::name).toList(),
                "the enum has exactly these phases, in this order");
    }

    @Test
    void aNameNoPhaseHasIsRefused() {
        for (String name : new String[] { "VOTNG", "voting", " VOTING", "", null }) {
            assertThrows(IllegalArgumentException.class, () -> ElectionPhase.of(name), String.valueOf(name));
        }
    }

    @Test
    void aCopyMovesOnlyForwardAndFailedEndsAnyPhase() {
        assertTrue(ElectionPhase.COUNTING.isForwardFrom(ElectionPhase.VOTING));
        assertTrue(ElectionPhase.DRAFT.isForwardFrom(null), "no copy yet");
        assertFalse(ElectionPhase.VOTING.isForwardFrom(ElectionPhase.COUNTING));
        assertFalse(ElectionPhase.VOTING.isForwardFrom(ElectionPhase.VOTING));
        for (ElectionPhase phase : ElectionPhase.values()) {
            assertTrue(phase == ElectionPhase.FAILED || ElectionPhase.FAILED.isForwardFrom(phase), phase.name());
        }
    }
}
