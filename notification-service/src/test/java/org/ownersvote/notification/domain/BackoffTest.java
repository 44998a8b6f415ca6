package org.ownersvote.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BackoffTest {

    static final Instant NOW = Instant.parse("2026-12-20T02:00:00Z");

    @Test
    void theWaitDoublesUpToTheMaximumAndStopsAfterTheLastAttempt() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(3), 6);
        assertEquals(Optional.of(NOW.plusSeconds(30)), backoff.next(1, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(60)), backoff.next(2, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(120)), backoff.next(3, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(180)), backoff.next(4, NOW), "capped at the maximum");
        assertEquals(Optional.of(NOW.plusSeconds(180)), backoff.next(5, NOW));
        assertEquals(Optional.empty(), backoff.next(6, NOW), "the sixth failure is the last");
    }
}
