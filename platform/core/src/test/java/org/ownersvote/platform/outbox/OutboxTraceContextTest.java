package org.ownersvote.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ownersvote.platform.kafka.KafkaClientConfig;
import org.ownersvote.platform.testing.KafkaBroker;
import org.ownersvote.platform.testing.KafkaTopics;
import org.ownersvote.platform.tracing.TraceHeaders;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The writer's trace travels with its event, against a real broker: the trace context current when the row was
 * written goes on the Kafka record as the W3C traceparent and tracestate headers, and read back from the record it is
 * the parent the consumer's span continues. A row without one (written before tracing, or outside any trace) is sent as
 * before, in its place in the order, without trace headers.
 */
class OutboxTraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.startNew();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theWritersTraceIsKeptSentAsHeadersAndReadBackAsTheConsumersParent() throws Exception {
        SpanContext writer = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(),
                TraceState.builder().put("ownersvote", "t1").build());
        Map<String, String> written;
        try (Scope scope = Context.root().with(Span.wrap(writer)).makeCurrent()) {
            written = TraceHeaders.current();
        }
        assertEquals("00-" + TRACE_ID + "-" + SPAN_ID + "-01", written.get(TraceHeaders.TRACEPARENT));
        assertEquals("ownersvote=t1", written.get(TraceHeaders.TRACESTATE));
        assertEquals(Map.of(), TraceHeaders.current(), "outside a span there is no trace to carry");

        KafkaClientConfig kafka = new KafkaClientConfig(broker.clientProperties());
        String topic = "traced-events-" + UUID.randomUUID();
        TopicsBootstrap.ensureTopics(kafka, List.of(topic), 1, (short) 1);
        OutboxEvent traced = row(topic, "{\"n\":1}");
        traced.traceParent = written.get(TraceHeaders.TRACEPARENT);
        traced.traceState = written.get(TraceHeaders.TRACESTATE);
        OutboxEvent untraced = row(topic, "{\"n\":2}");
        try (OutboxSender sender = new OutboxSender(kafka, "test-outbox-relay", Duration.ofSeconds(10))) {
            assertNull(sender.send(List.of(traced, untraced)));
        }
        assertNotNull(traced.sentAt);
        assertNotNull(untraced.sentAt, "a row without trace context is sent as before");

        List<KafkaTopics.Received> received = KafkaTopics.readAll(broker.clientProperties(), topic,
                Duration.ofSeconds(2));
        assertEquals(List.of(traced.payload, untraced.payload),
                received.stream().map(KafkaTopics.Received::value).toList(), "both, in their order");
        Map<String, String> headers = received.get(0).headers();
        assertEquals(traced.traceParent, headers.get("traceparent"));
        assertEquals("ownersvote=t1", headers.get("tracestate"));
        assertFalse(received.get(1).headers().containsKey("traceparent"), received.get(1).headers().toString());
        assertFalse(received.get(1).headers().containsKey("tracestate"), received.get(1).headers().toString());

        SpanContext restored = Span.fromContext(TraceHeaders.parent(headers::get)).getSpanContext();
        assertEquals(TRACE_ID, restored.getTraceId());
        assertEquals(SPAN_ID, restored.getSpanId(), "the consumer's span is a child of the writer's");
        assertTrue(restored.isRemote());
        assertEquals("t1", restored.getTraceState().get("ownersvote"));
        assertFalse(Span.fromContext(TraceHeaders.parent(received.get(1).headers()::get)).getSpanContext().isValid(),
                "an event without trace headers starts a trace of its own");
        assertFalse(Span.fromContext(TraceHeaders.parent(Map.of("traceparent", "00-not-a-trace-01")::get))
                .getSpanContext().isValid(), "nor does a malformed traceparent count");
    }

    private static OutboxEvent row(String topic, String payload) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.topic = topic;
        row.recordKey = "election-1";
        row.eventType = "test.traced.v1";
        row.payload = payload;
        row.createdAt = OffsetDateTime.now();
        return row;
    }
}
