package org.ownersvote.platform.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.ownersvote.platform.outbox.OutboxEvent;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The outbox as an operator watches it: {@code ownersvote_outbox_backlog} (events not yet taken by Kafka) and
 * {@code ownersvote_outbox_oldest_unsent_age_seconds}. Read from the database when scraped, at most every 5 s
 * (both from one reading), so that a scrape costs two indexed reads however often it comes.
 */
@ApplicationScoped
@IfBuildProperty(name = "ownersvote.messaging.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxGauges {

    private static final Logger LOG = Logger.getLogger(OutboxGauges.class);
    private static final Duration FRESH = Duration.ofSeconds(5);

    @Inject
    MeterRegistry registry;

    private record Reading(Instant at, double backlog, double oldestAgeSeconds) {
    }

    private volatile Reading last = new Reading(Instant.EPOCH, Double.NaN, Double.NaN);

    void register(@Observes StartupEvent start) {
        Gauge.builder("ownersvote.outbox.backlog", this, g -> g.reading().backlog())
                .description("events written to the outbox and not yet taken by Kafka").register(registry);
        Gauge.builder("ownersvote.outbox.oldest.unsent.age", this, g -> g.reading().oldestAgeSeconds())
                .baseUnit("seconds").description("how long the oldest unsent event has waited").register(registry);
    }

    private Reading reading() {
        Reading reading = last;
        Instant now = Instant.now();
        if (Duration.between(reading.at(), now).compareTo(FRESH) < 0) {
            return reading;
        }
        try {
            reading = QuarkusTransaction.requiringNew().call(() -> {
                Optional<OffsetDateTime> oldest = OutboxEvent.oldestUnsent();
                return new Reading(now, OutboxEvent.backlog(), oldest
                        .map(at -> (double) Math.max(0, Duration.between(at.toInstant(), now).toSeconds()))
                        .orElse(0.0));
            });
        } catch (RuntimeException e) {
            LOG.debugf("outbox figures unavailable: %s", e.getMessage());
            reading = new Reading(now, Double.NaN, Double.NaN);
        }
        last = reading;
        return reading;
    }
}
