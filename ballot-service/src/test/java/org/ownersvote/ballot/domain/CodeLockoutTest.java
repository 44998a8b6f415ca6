package org.ownersvote.ballot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class CodeLockoutTest {

    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-27T10:00:00+08:00");

    @Test
    void theFifthWrongCodeWithinFifteenMinutesLocksForFifteenMinutes() {
        CodeLockout state = CodeLockout.none();
        for (int i = 0; i < 4; i++) {
            state = state.afterFailure(T0.plusMinutes(3 * i));
            assertFalse(state.lockedAt(T0.plusMinutes(3 * i)), "after " + (i + 1) + " wrong codes");
        }
        OffsetDateTime fifth = T0.plusMinutes(14);
        state = state.afterFailure(fifth);
        assertTrue(state.lockedAt(fifth));
        assertTrue(state.lockedAt(fifth.plusMinutes(15).minusSeconds(1)));
        assertFalse(state.lockedAt(fifth.plusMinutes(15)));
    }

    @Test
    void wrongCodesSpreadOverMoreThanFifteenMinutesDoNotLock() {
        CodeLockout state = CodeLockout.none();
        for (int i = 0; i < 4; i++) {
            state = state.afterFailure(T0.plusMinutes(i));
        }
        OffsetDateTime later = T0.plusMinutes(15);
        state = state.afterFailure(later);
        assertFalse(state.lockedAt(later));
        assertEquals(1, state.failures(), "a new window begins");
    }

    @Test
    void aRightCodeClearsTheCount() {
        CodeLockout state = CodeLockout.none();
        for (int i = 0; i < 4; i++) {
            state = state.afterFailure(T0.plusMinutes(i));
        }
        state = state.afterSuccess().afterFailure(T0.plusMinutes(5));
        assertFalse(state.lockedAt(T0.plusMinutes(5)));
        assertEquals(1, state.failures());
    }
}
