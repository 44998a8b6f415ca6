package org.ownersvote.platform.tracing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C trace context (the headers {@code traceparent} and {@code tracestate}) where a trace crosses a boundary that
 * no instrumented client crosses for us: written with an outbox row and sent with it as Kafka headers, read back by
 * the inbox, set by the gateway's proxy. Always W3C, whichever propagators a service configures, because the outbox
 * row stores it.
 */
public final class TraceHeaders {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    /** Reads the headers through a lookup of one header by name (the carrier). */
    private static final TextMapGetter<UnaryOperator<String>> LOOKUP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(UnaryOperator<String> header) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(UnaryOperator<String> header, String name) {
            return header == null ? null : header.apply(name);
        }
    };

    private TraceHeaders() {
    }

    /** The current span's traceparent and tracestate (the latter only when not empty); empty outside a valid span. */
    public static Map<String, String> current() {
        Map<String, String> headers = new HashMap<>(4);
        W3C.inject(Context.current(), headers, (carrier, name, value) -> carrier.put(name, value));
        return headers;
    }

    /**
     * The context that headers carry, as the parent of the span that continues the trace; the root context (a new
     * trace) when they carry none or a malformed one.
     */
    public static Context parent(UnaryOperator<String> header) {
        return W3C.extract(Context.root(), header, LOOKUP);
    }
}
