package org.ownersvote.platform.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.ownersvote.platform.kafka.KafkaClientConfig;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends committed outbox rows to Kafka in id order and marks them sent. An idempotent producer with acks=all
 * means a row is marked only once every in-sync replica has it. If Kafka is down the rows stay and are sent when
 * it is back. A crash between send and mark sends the row again; consumers deduplicate on the event id.
 * A PostgreSQL advisory lock keeps one relay active per database, so replicas never reorder an election's events.
 */
@ApplicationScoped
@IfBuildProperty(name = "ownersvote.messaging.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK_KEY = 0x0_77E5_0B0DL;

    @Inject
    EntityManager em;

    /** Every kafka. setting (address, TLS, SASL…), as the consumers have them. */
    @Inject
    KafkaClientConfig kafka;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @ConfigProperty(name = "ownersvote.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "ownersvote.outbox.delivery-timeout", defaultValue = "PT15S")
    Duration deliveryTimeout;

    @ConfigProperty(name = "ownersvote.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private OutboxSender sender;
    private boolean failing;

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUp.release();
        if (thread != null) {
            thread.join(deliveryTimeout.toMillis() + 5000);
        }
        resetProducer();
    }

    /** Called after a transaction that wrote events commits, so they go out at once rather than at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    private void loop() {
        while (running) {
            try {
                wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (running) {
                relay();
            }
        }
    }

    void relay() {
        try {
            BatchResult result;
            do {
                result = relayBatch();
                if (result.failure() != null) {
                    throw new IllegalStateException(result.failure());
                }
            } while (result.size() == batchSize);
            if (failing) {
                LOG.info("Outbox relay: Kafka reachable again, backlog sent");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("Outbox relay: cannot publish (%s); events stay in the outbox and are retried",
                        e.getCause() == null ? e.getMessage() : e.getMessage() + ": " + e.getCause());
                failing = true;
            }
            resetProducer();
        }
    }

    /** One batch: how many rows it held, and the first send failure if any (rows sent before it stay marked). */
    record BatchResult(int size, String failure) {
    }

    BatchResult relayBatch() {
        return QuarkusTransaction.requiringNew().timeout((int) deliveryTimeout.toSeconds() + 30).call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, ADVISORY_LOCK_KEY).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return new BatchResult(0, null);
            }
            List<OutboxEvent> batch = OutboxEvent.nextUnsent(batchSize);
            if (batch.isEmpty()) {
                return new BatchResult(0, null);
            }
            String firstFailure = sender().send(batch);
            markSent(batch);
            return new BatchResult(batch.size(), firstFailure);
        });
    }

    /**
     * The rows Kafka took are marked sent in one statement (not one UPDATE per row at commit: the relay marks as many
     * rows as the services write events) and leave the persistence context; a row that failed keeps its attempt
     * count and error, written at commit.
     */
    private void markSent(List<OutboxEvent> batch) {
        List<OutboxEvent> sent = batch.stream().filter(row -> row.sentAt != null).toList();
        if (sent.isEmpty()) {
            return;
        }
        // detached first: a native statement flushes the persistence context, which would write each row itself
        sent.forEach(em::detach);
        em.createNativeQuery("update outbox_event set sent_at = :at where id in (:ids)")
                .setParameter("at", sent.get(0).sentAt)
                .setParameter("ids", sent.stream().map(row -> row.id).toList()).executeUpdate();
    }

    private synchronized OutboxSender sender() {
        if (sender == null) {
            sender = new OutboxSender(kafka, serviceName + "-outbox-relay", deliveryTimeout);
        }
        return sender;
    }

    /** After a failure the idempotent producer may hold stale sequence state: start a fresh one next time. */
    private synchronized void resetProducer() {
        if (sender != null) {
            sender.reset();
        }
    }

}
