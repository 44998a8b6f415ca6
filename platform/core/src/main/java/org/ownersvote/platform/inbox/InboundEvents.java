package org.ownersvote.platform.inbox;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.ownersvote.events.EventCodec;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.EventType;
import org.ownersvote.events.UnreadableEventException;
import org.ownersvote.platform.correlation.RequestIds;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies an incoming event at most once per consumer: the event id is recorded in the same transaction as the
 * effect, so a redelivered event changes nothing. An event that cannot be read (not an envelope, unknown type,
 * payload against its contract) is rethrown as {@link UnreadableEventException}, which the channel's
 * dead-letter-queue failure strategy sends to the dead-letter topic with the reason. Other failures (the
 * database is down) are retried with backoff, holding the partition so that order is kept, and only then
 * dead-lettered.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "ownersvote.inbox.max-attempts", defaultValue = "8")
    int maxAttempts;

    @ConfigProperty(name = "ownersvote.inbox.first-backoff", defaultValue = "PT0.5S")
    Duration firstBackoff;

    /** @return true if the event's effect was applied now, false if it was passed over or already processed */
    public boolean process(String consumer, String json, EventHandlers handlers) {
        try {
            return processReadable(consumer, json, handlers);
        } catch (UnreadableEventException e) {
            deadLettered(consumer, "unreadable");
            throw e;
        }
    }

    private boolean processReadable(String consumer, String json, EventHandlers handlers) {
        EventEnvelope envelope = EventCodec.readEnvelope(json);
        EventType type = EventType.fromType(envelope.type())
                .orElseThrow(() -> new UnreadableEventException("unknown event type " + envelope.type()));
        Optional<EventHandlers.Bound> bound = handlers.bind(type, envelope);
        if (bound.isEmpty()) {
            return false;
        }
        String previous = (String) MDC.get(RequestIds.MDC_KEY);
        if (envelope.correlationid() != null) {
            MDC.put(RequestIds.MDC_KEY, envelope.correlationid());
        }
        try {
            return applyWithRetries(consumer, envelope, bound.get());
        } finally {
            if (previous == null) {
                MDC.remove(RequestIds.MDC_KEY);
            } else {
                MDC.put(RequestIds.MDC_KEY, previous);
            }
        }
    }

    private boolean applyWithRetries(String consumer, EventEnvelope envelope, EventHandlers.Bound bound) {
        Duration backoff = firstBackoff;
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!ProcessedEvent.markProcessed(em, consumer, envelope.id(), envelope.type())) {
                        LOG.debugf("%s: event %s already processed, passed over", consumer, envelope.id());
                        return false;
                    }
                    bound.run();
                    return true;
                });
            } catch (UnreadableEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts) {
                    deadLettered(consumer, "gave-up");
                    throw new IllegalStateException("gave up after " + attempt + " attempts: " + e.getMessage(), e);
                }
                registry.counter("ownersvote.inbox.retries", "consumer", consumer).increment();
                LOG.warnf("%s: event %s (%s) failed on attempt %d, retrying in %s: %s", consumer, envelope.id(),
                        envelope.type(), attempt, backoff, e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** Counted as the event leaves for the dead-letter topic (the channel's failure strategy sends it there). */
    private void deadLettered(String consumer, String reason) {
        registry.counter("ownersvote.inbox.dead.letters", "consumer", consumer, "reason", reason).increment();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
