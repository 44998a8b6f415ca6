package org.ownersvote.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.ownersvote.events.EventCodec;
import org.ownersvote.events.EventEnvelope;
import org.ownersvote.events.EventType;
import org.ownersvote.events.UnreadableEventException;
import org.ownersvote.platform.correlation.RequestIds;
import org.ownersvote.platform.tracing.TraceHeaders;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
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

    @Inject
    OpenTelemetry telemetry;

    private Tracer tracer;

    @PostConstruct
    void tracer() {
        tracer = telemetry.getTracer("org.ownersvote.platform.inbox");
    }

    /**
     * Applies the record's event in a span of the trace its headers carry (the trace of the request that wrote it:
     * {@code Outbox}), so that the handler's log lines and the events it publishes belong to that trace too; an event
     * without trace headers starts a trace of its own.
     *
     * @return true if the event's effect was applied now, false if it was passed over or already processed
     */
    public boolean process(String consumer, ConsumerRecord<String, String> record, EventHandlers handlers) {
        Span span = tracer.spanBuilder("process " + record.topic())
                .setParent(TraceHeaders.parent(name -> header(record, name)))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumer)
                .startSpan();
        try (Scope current = span.makeCurrent()) {
            return process(consumer, record.value(), handlers);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private boolean process(String consumer, String json, EventHandlers handlers) {
        try {
            return processReadable(consumer, json, handlers);
        } catch (UnreadableEventException e) {
            deadLettered(consumer, "unreadable");
            throw e;
        }
    }

    private boolean processReadable(String consumer, String json, EventHandlers handlers) {
        EventEnvelope envelope = EventCodec.readEnvelope(json);
        Span.current().setAttribute("cloudevents.event_id", envelope.id())
                .setAttribute("cloudevents.event_type", envelope.type());
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
        SpanContext trace = Span.current().getSpanContext();
        String traceId = trace.isValid() ? trace.getTraceId() : null;
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!ProcessedEvent.markProcessed(em, consumer, envelope.id(), envelope.type(), traceId)) {
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
