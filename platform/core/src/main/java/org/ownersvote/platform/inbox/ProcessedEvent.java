package org.ownersvote.platform.inbox;

import jakarta.persistence.EntityManager;

/** The processed-event inbox: one row per (consumer, event id), written in the transaction of the event's effect. */
public final class ProcessedEvent {

    private ProcessedEvent() {
    }

    /** Records the event as processed by this consumer; false when it already was (a redelivery). */
    static boolean markProcessed(EntityManager em, String consumer, String eventId, String eventType) {
        int inserted = em.createNativeQuery("""
                insert into processed_event (consumer, event_id, event_type, processed_at)
                values (?1, ?2, ?3, now())
                on conflict (consumer, event_id) do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .executeUpdate();
        return inserted == 1;
    }
}
