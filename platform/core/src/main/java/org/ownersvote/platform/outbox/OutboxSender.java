package org.ownersvote.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ownersvote.events.EventType;
import org.ownersvote.platform.kafka.KafkaClientConfig;
import org.ownersvote.platform.tracing.TraceHeaders;

/**
 * The part of {@link OutboxRelay} that talks to Kafka: an idempotent producer (acks=all) made from every
 * {@code kafka.} setting, which sends a batch of outbox rows in order and marks each row sent or failed. Plain Java,
 * so that it can be tried against a broker without a running service.
 */
final class OutboxSender implements AutoCloseable {

    private static final byte[] CLOUDEVENTS_JSON = "application/cloudevents+json".getBytes(StandardCharsets.UTF_8);

    private final Map<String, Object> settings;
    private KafkaProducer<String, String> producer;

    OutboxSender(KafkaClientConfig kafka, String clientId, Duration deliveryTimeout) {
        settings = kafka.with(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(5000, deliveryTimeout.toMillis() / 2),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.min(5000, deliveryTimeout.toMillis())));
    }

    /**
     * Sends the rows in their order and waits for every acknowledgement: a row Kafka took gets {@code sentAt}, a row
     * it did not gets another attempt and its error. Returns the first error, or null when all were sent.
     */
    String send(List<OutboxEvent> batch) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        for (OutboxEvent row : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic(row), row.recordKey, row.payload);
            record.headers().add(new RecordHeader("content-type", CLOUDEVENTS_JSON));
            // the writer's trace goes on with the event (a row from before tracing, or outside a trace, has none)
            header(record, TraceHeaders.TRACEPARENT, row.traceParent);
            header(record, TraceHeaders.TRACESTATE, row.traceState);
            sends.add(producer().send(record));
        }
        String firstFailure = null;
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent row = batch.get(i);
            try {
                sends.get(i).get();
                row.sentAt = now;
            } catch (ExecutionException e) {
                row.attempts++;
                row.lastError = String.valueOf(e.getCause());
                firstFailure = firstFailure == null ? row.lastError : firstFailure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending", e);
            }
        }
        return firstFailure;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * The topic the event's type belongs on today, not the one stored with the row: a row written before a type moved
     * topics (the final tally moved to ballot-results), or restored from such a backup, still reaches its consumers.
     */
    static String topic(OutboxEvent row) {
        return EventType.fromType(row.eventType).map(EventType::topic).orElse(row.topic);
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** After a failure the idempotent producer may hold stale sequence state: start a fresh one next time. */
    synchronized void reset() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public void close() {
        reset();
    }
}
