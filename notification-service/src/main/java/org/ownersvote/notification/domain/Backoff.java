package org.ownersvote.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a message again after a failure that may pass (server down, provider busy): the wait doubles from
 * {@code first} up to {@code max}; after {@code maxAttempts} attempts the message has failed for good.
 */
public record Backoff(Duration first, Duration max, int maxAttempts) {

    /** @param attemptsMade attempts so far, counting the one that just failed */
    public Optional<Instant> next(int attemptsMade, Instant now) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = first;
        for (int i = 1; i < attemptsMade && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return Optional.of(now.plus(wait.compareTo(max) > 0 ? max : wait));
    }
}
