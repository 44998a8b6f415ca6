package org.ownersvote.platform.inbox;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.ownersvote.events.EventCodec;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.EventType;

/** What one consumer does with each event type it cares about; types it does not list are passed over. */
public final class EventHandlers {

    /** Applies one event's effect; runs inside the transaction that also records the event as processed. */
    public interface Handler<T extends Record> extends BiConsumer<EventEnvelope, T> {
    }

    private record Entry<T extends Record>(Class<T> payloadClass, Handler<T> handler) {
    }

    private final Map<EventType, Entry<?>> entries = new EnumMap<>(EventType.class);

    public <T extends Record> EventHandlers on(EventType type, Class<T> payloadClass, Handler<T> handler) {
        if (type.payloadClass() != payloadClass) {
            throw new IllegalArgumentException(type.type() + " carries " + type.payloadClass().getSimpleName());
        }
        entries.put(type, new Entry<>(payloadClass, handler));
        return this;
    }

    Optional<Bound> bind(EventType type, EventEnvelope envelope) {
        Entry<?> entry = entries.get(type);
        return entry == null ? Optional.empty() : Optional.of(bound(entry, envelope));
    }

    private static <T extends Record> Bound bound(Entry<T> entry, EventEnvelope envelope) {
        T payload = EventCodec.readPayload(envelope, entry.payloadClass());
        return () -> entry.handler().accept(envelope, payload);
    }

    /** A handler with its payload already read and checked, ready to run in a transaction. */
    interface Bound {
        void run();
    }
}
