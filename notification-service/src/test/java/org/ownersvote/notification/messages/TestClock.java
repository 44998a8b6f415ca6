package org.ownersvote.notification.messages;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.ownersvote.notification.service.MessageClock;

/**
 * The service's clock in tests: real time until a test sets it. A test can stop it at an instant (23:00 stays
 * 23:00) or let it run from an instant at real speed (so retries fall due while it stands in the daytime).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends MessageClock {

    private volatile Instant from;
    private volatile long startedNanos;
    private volatile boolean running;

    @Override
    public Instant now() {
        Instant at = from;
        if (at == null) {
            return Instant.now();
        }
        return running ? at.plus(Duration.ofNanos(System.nanoTime() - startedNanos)) : at;
    }

    /** Stops the clock at {@code at}. */
    public void set(Instant at) {
        running = false;
        from = at;
    }

    /** Lets the clock run at real speed from {@code at}. */
    public void runFrom(Instant at) {
        startedNanos = System.nanoTime();
        from = at;
        running = true;
    }

    public void reset() {
        from = null;
        running = false;
    }
}
