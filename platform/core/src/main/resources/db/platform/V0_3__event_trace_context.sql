-- Traces through the events (docs/operations/tracing.md). The W3C trace context (traceparent, tracestate) current when
-- an event was written: the relay sends it as Kafka headers so that the consumers continue the writer's trace. Null
-- for events written outside any trace, and for rows written before this migration, which are sent as before.
alter table outbox_event
    add column trace_parent text,
    add column trace_state  text;

-- The trace in which the consumer applied the event (the event's own, when it carried one).
alter table processed_event
    add column trace_id text;
