package org.ownersvote.platform.inbox;

import jakarta.persistence.EntityManager;

/** The processed-event inbox: one row per (consumer, event id), written in the transaction of the event's effect. */
public final class ProcessedEvent {

    private ProcessedEvent() {
    }

    /**
     * Records the event as processed by this consumer, in the trace it was applied in (null without one); false when
     * it already was (a redelivery).
     */
    static boolean markProcessed(EntityManager em, String consumer, String eventId, String eventType, String traceId) {
        int inserted = em.createNativeQuery("""
                insert into processed_event (consumer, event_id, event_type, processed_at, trace_id)
                values (?1, ?2, ?3, now(), nullif(?4, ''))
                on conflict (consumer, event_id) do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .setParameter(4, traceId == null ? "" : traceId) // a bare null has no SQL type here
                .executeUpdate();
        return inserted == 1;
    }
}
