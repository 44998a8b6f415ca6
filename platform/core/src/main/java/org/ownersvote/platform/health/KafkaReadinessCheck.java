package org.ownersvote.platform.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.ownersvote.platform.kafka.KafkaClientConfig;
import org.ownersvote.platform.outbox.OutboxEvent;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Readiness of the event path. A service works without Kafka — its writes go to the outbox and wait — so a broker
 * outage alone does not make it unready (that would take every replica out of its Service, and users would get the
 * errors the outbox exists to prevent). It reports the broker, the outbox backlog and the age of the oldest unsent
 * event as data, and is DOWN only when the outbox's database cannot be read, or when the broker has been unreachable
 * for longer than {@code ownersvote.readiness.broker-outage-grace} (events that old are a problem someone must see).
 * The broker is asked in the background every {@code ownersvote.readiness.broker-check-interval}, so the probe
 * answers at once even while the broker does not.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "ownersvote.messaging.enabled", stringValue = "true", enableIfMissing = true)
public class KafkaReadinessCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(KafkaReadinessCheck.class);

    @Inject
    KafkaClientConfig kafka;

    @ConfigProperty(name = "ownersvote.readiness.broker-outage-grace", defaultValue = "PT10M")
    Duration outageGrace;

    @ConfigProperty(name = "ownersvote.readiness.broker-check-interval", defaultValue = "PT5S")
    Duration checkInterval;

    private final Clock clock = Clock.systemUTC();
    private BrokerProbe probe;
    private ScheduledExecutorService scheduler;

    void start(@Observes StartupEvent startup) {
        probe();
    }

    private synchronized BrokerProbe probe() {
        if (probe == null) {
            probe = new BrokerProbe(kafka, Duration.ofMillis(Math.min(3000, checkInterval.toMillis())), clock);
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kafka-readiness-probe");
                t.setDaemon(true);
                return t;
            });
            BrokerProbe p = probe;
            scheduler.scheduleWithFixedDelay(() -> {
                BrokerProbe.State before = p.state();
                BrokerProbe.State now = p.check();
                boolean first = before.checkedAt() == null;
                if (!now.reachable() && (first || before.reachable())) {
                    LOG.warnf("Kafka unreachable (%s); events wait in the outbox, and the service stays ready for %s",
                            now.error(), outageGrace);
                } else if (now.reachable() && !first && !before.reachable()) {
                    LOG.infof("Kafka reachable again (%d brokers)", now.brokers());
                }
            }, 0, checkInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return probe;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka").up();
        Instant now = clock.instant();

        BrokerProbe.State broker = probe().state();
        Duration outage = broker.outage(now);
        response.withData("broker", broker.reachable() ? "UP" : "DOWN");
        if (broker.reachable()) {
            response.withData("brokers", broker.brokers());
        } else {
            response.withData("brokerError", String.valueOf(broker.error()))
                    .withData("brokerUnreachableSeconds", outage.toSeconds())
                    .withData("brokerOutageGraceSeconds", outageGrace.toSeconds());
            if (outage.compareTo(outageGrace) > 0) {
                response.down();
            }
        }

        try {
            OutboxFigures figures = QuarkusTransaction.requiringNew().call(() -> new OutboxFigures(
                    OutboxEvent.backlog(), OutboxEvent.oldestUnsent()));
            response.withData("database", "UP").withData("outboxBacklog", figures.backlog())
                    .withData("oldestUnsentAgeSeconds", figures.oldest()
                            .map(at -> Math.max(0, Duration.between(at.toInstant(), now).toSeconds())).orElse(0L));
        } catch (RuntimeException e) {
            // without its database the service can do nothing: this is what readiness is for
            response.down().withData("database", "DOWN").withData("databaseError", String.valueOf(e.getMessage()));
        }
        return response.build();
    }

    private record OutboxFigures(long backlog, Optional<OffsetDateTime> oldest) {
    }

    @PreDestroy
    synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (probe != null) {
            probe.close();
        }
    }
}
