package org.ownersvote.notification.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket toward one provider: at most {@code perSecond} sends a second on average, {@code burst} at once.
 * Providers throttle or block senders that exceed their contracted rate, so sending faster only makes failures.
 */
public final class RateLimit {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private Instant refilledAt;

    public RateLimit(double perSecond, int burst, Instant now) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = now;
    }

    public synchronized boolean tryAcquire(Instant now) {
        if (now.isAfter(refilledAt)) {
            double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
            tokens = Math.min(burst, tokens + seconds * perSecond);
            refilledAt = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
