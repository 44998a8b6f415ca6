package org.ownersvote.notification.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RateLimitTest {

    static final Instant T0 = Instant.parse("2026-12-20T02:00:00Z");

    @Test
    void aBurstThenTheRate() {
        RateLimit limit = new RateLimit(2, 3, T0);
        assertTrue(limit.tryAcquire(T0));
        assertTrue(limit.tryAcquire(T0));
        assertTrue(limit.tryAcquire(T0));
        assertFalse(limit.tryAcquire(T0), "the burst is spent");
        assertFalse(limit.tryAcquire(T0.plusMillis(400)), "0.8 of a token after 400 ms");
        assertTrue(limit.tryAcquire(T0.plusMillis(500)), "one token after half a second at 2/s");
        assertFalse(limit.tryAcquire(T0.plusMillis(500)));
        assertTrue(limit.tryAcquire(T0.plusSeconds(60)));
        assertTrue(limit.tryAcquire(T0.plusSeconds(60)));
        assertTrue(limit.tryAcquire(T0.plusSeconds(60)));
        assertFalse(limit.tryAcquire(T0.plusSeconds(60)), "an idle minute refills the burst, not more");
    }

    @Test
    void aRateLimitNeedsARate() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(0, 1, T0));
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(1, 0, T0));
    }
}
