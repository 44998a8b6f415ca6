package org.ownersvote.events.election;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhaseOrderTest {

    @Test
    void aCopyOfThePhaseMovesOnlyForward() {
        assertTrue(PhaseOrder.isForward("VOTING", "COUNTING"));
        assertTrue(PhaseOrder.isForward("COUNTING", "FAILED"));
        assertFalse(PhaseOrder.isForward("COUNTING", "VOTING"), "a late voting-opened must not reopen voting");
        assertFalse(PhaseOrder.isForward("COUNTING", "COUNTING"));
        assertFalse(PhaseOrder.isForward("FAILED", "CLOSED"));
        assertThrows(IllegalArgumentException.class, () -> PhaseOrder.isForward("VOTING", "VOTNG"));
    }
}
