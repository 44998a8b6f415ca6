package org.ownersvote.ballot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class CodeDelayTest {

    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-27T10:00:00+08:00");

    @Test
    void fiveWrongCodesCostNothingThenEachOneDoublesTheWaitUpToThirtyMinutes() {
        CodeDelay state = CodeDelay.none();
        for (int i = 0; i < 5; i++) {
            state = state.afterFailure(T0);
            assertEquals(Duration.ZERO, state.waitAt(T0), "after " + (i + 1) + " wrong codes");
        }
        state = state.afterFailure(T0);
        assertEquals(Duration.ofSeconds(30), state.waitAt(T0));
        state = state.afterFailure(T0.plusSeconds(30));
        assertEquals(Duration.ofSeconds(60), state.waitAt(T0.plusSeconds(30)));
        state = state.afterFailure(T0.plusSeconds(90));
        assertEquals(Duration.ofMinutes(2), state.waitAt(T0.plusSeconds(90)));
        for (int i = 0; i < 20; i++) {
            state = state.afterFailure(T0.plusHours(1));
        }
        assertEquals(Duration.ofMinutes(30), state.waitAt(T0.plusHours(1)), "never a lock, at most 30 minutes");
        assertEquals(Duration.ZERO, state.waitAt(T0.plusHours(1).plusMinutes(30)));
    }

    @Test
    void aSourceQuietForADayStartsAfresh() {
        CodeDelay state = CodeDelay.none();
        for (int i = 0; i < 8; i++) {
            state = state.afterFailure(T0);
        }
        state = state.afterFailure(T0.plusHours(24));
        assertEquals(1, state.failures());
        assertEquals(Duration.ZERO, state.waitAt(T0.plusHours(24)));
    }

    @Test
    void theWaitDoesNotGrowWithoutBound() {
        assertEquals(Duration.ofMinutes(30), CodeDelay.delayAfter(10_000));
        assertEquals(Duration.ofSeconds(30), CodeDelay.delayAfter(CodeDelay.FREE_FAILURES + 1));
    }
}
