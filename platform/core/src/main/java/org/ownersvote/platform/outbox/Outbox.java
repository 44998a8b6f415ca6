package org.ownersvote.platform.outbox;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;
import org.ownersvote.events.EventCodec;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.EventType;
import org.ownersvote.platform.correlation.RequestIds;
import org.ownersvote.platform.tracing.TraceHeaders;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Where services publish events: the event row joins the caller's transaction, so it exists exactly when the
 * change it describes was committed. {@link OutboxRelay} sends it to Kafka afterwards. The row keeps the request id
 * (in the envelope) and the trace context of its writer, so that the consumers' work joins the request's trace.
 */
@ApplicationScoped
@IfBuildProperty(name = "ownersvote.messaging.enabled", stringValue = "true", enableIfMissing = true)
public class Outbox {

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @Inject
    TransactionSynchronizationRegistry txRegistry;

    @Inject
    OutboxRelay relay;

    /**
     * @param electionId the subject and Kafka key: keeps one election's events in order
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(UUID electionId, Record payload) {
        EventType type = EventType.of(payload.getClass());
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(),
                type.type(), "/" + serviceName, OffsetDateTime.now(), electionId.toString(),
                EventEnvelope.CONTENT_TYPE, requestId == null ? null : requestId.toString(),
                EventCodec.mapper().valueToTree(payload));

        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(envelope.id());
        row.topic = type.topic();
        row.recordKey = electionId.toString();
        row.eventType = type.type();
        row.payload = EventCodec.write(envelope);
        row.createdAt = envelope.time();
        Map<String, String> trace = TraceHeaders.current();
        row.traceParent = trace.get(TraceHeaders.TRACEPARENT);
        row.traceState = trace.get(TraceHeaders.TRACESTATE);
        row.persist();
        txRegistry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return row.eventId;
    }
}
