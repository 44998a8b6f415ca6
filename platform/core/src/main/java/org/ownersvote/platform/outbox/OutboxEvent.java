package org.ownersvote.platform.outbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An event written in the same transaction as the change it describes, waiting to be relayed to Kafka. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Publication order: the relay sends in id order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_key", nullable = false)
    public String recordKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The whole CloudEvents JSON as it goes on the wire. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /**
     * The W3C trace context current when the event was written, sent with it as Kafka headers so that each consumer
     * continues that trace ({@code TraceHeaders}); null for an event written outside any trace or before tracing.
     */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "trace_state")
    public String traceState;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    public static List<OutboxEvent> nextUnsent(int limit) {
        return find("sentAt is null order by id").page(0, limit).list();
    }

    public static long backlog() {
        return count("sentAt is null");
    }

    /** When the oldest event still waiting for Kafka was written (by the partial index on unsent rows). */
    public static Optional<OffsetDateTime> oldestUnsent() {
        return getEntityManager().createQuery(
                "select e.createdAt from OutboxEvent e where e.sentAt is null order by e.id", OffsetDateTime.class)
                .setMaxResults(1).getResultStream().findFirst();
    }
}
