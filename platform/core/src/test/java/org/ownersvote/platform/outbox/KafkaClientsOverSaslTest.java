package org.ownersvote.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ownersvote.platform.health.BrokerProbe;
import org.ownersvote.platform.kafka.KafkaClientConfig;
import org.ownersvote.platform.testing.KafkaBroker;
import org.ownersvote.platform.testing.KafkaTopics;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Issue 19 item 5: the Kafka clients the platform builds by hand — the relay's producer, the topic bootstrap's and
 * the readiness check's admin clients — take the {@code kafka.} settings the connector takes, so against a broker
 * that requires SASL/PLAIN they work with the credentials configured as {@code kafka.*} and fail without them.
 * The settings go through MicroProfile Config exactly as in a service ({@link KafkaClientConfig#from}).
 */
class KafkaClientsOverSaslTest {

    private static final String USER = "ownersvote-svc";
    private static final String PASSWORD = "pw-" + UUID.randomUUID();

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.startWithSaslPlain(USER, PASSWORD);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /** A service's configuration: the address, and the security settings in property and in environment form. */
    private static KafkaClientConfig configured(String user, String password) {
        Map<String, String> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", broker.bootstrapServers());
        if (user != null) {
            Map<String, Object> sasl = KafkaBroker.saslClientProperties(user, password);
            properties.put("kafka.security.protocol", (String) sasl.get("security.protocol"));
            properties.put("KAFKA_SASL_MECHANISM", (String) sasl.get("sasl.mechanism"));
            properties.put("kafka.sasl.jaas.config", (String) sasl.get("sasl.jaas.config"));
        }
        properties.put("quarkus.application.name", "test-service");
        return KafkaClientConfig.from(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250)).build());
    }

    private static OutboxEvent row(String topic, String key, String payload) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.topic = topic;
        row.recordKey = key;
        row.eventType = "test.sasl.v1";
        row.payload = payload;
        row.createdAt = OffsetDateTime.now();
        return row;
    }

    private static Map<String, TopicDescription> describe(String topic) throws Exception {
        try (Admin admin = Admin.create(broker.clientProperties())) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                return Map.of();
            }
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void withTheConnectorsSaslSettingsTheBootstrapCreatesTopicsTheRelayDeliversAndReadinessSeesTheBroker()
            throws Exception {
        KafkaClientConfig kafka = configured(USER, PASSWORD);
        String topic = "sasl-events-" + UUID.randomUUID();

        assertEquals(List.of(topic), TopicsBootstrap.ensureTopics(kafka, List.of(topic), 2, (short) 1));
        assertEquals(2, describe(topic).get(topic).partitions().size());
        assertEquals(List.of(), TopicsBootstrap.ensureTopics(kafka, List.of(topic), 2, (short) 1), "already there");

        String key = UUID.randomUUID().toString();
        OutboxEvent event = row(topic, key, "{\"id\":\"" + key + "\"}");
        try (OutboxSender sender = new OutboxSender(kafka, "test-service-outbox-relay", Duration.ofSeconds(10))) {
            assertNull(sender.send(List.of(event)));
        }
        assertNotNull(event.sentAt);
        assertEquals(0, event.attempts);
        List<KafkaTopics.Received> received = KafkaTopics.readAll(broker.clientProperties(), topic,
                Duration.ofSeconds(2));
        assertEquals(1, received.size());
        assertEquals(key, received.get(0).key());
        assertEquals(event.payload, received.get(0).value());
        assertEquals("application/cloudevents+json", received.get(0).headers().get("content-type"));

        try (BrokerProbe probe = new BrokerProbe(kafka, Duration.ofSeconds(3), Clock.systemUTC())) {
            BrokerProbe.State state = probe.check();
            assertTrue(state.reachable(), state.error());
            assertEquals(1, state.brokers());
        }
    }

    @Test
    void withTheAddressAloneAsBeforeOrAWrongPasswordEachOfThemFails() throws Exception {
        // the address alone is what the hand-built clients took before; a wrong password is refused by the broker
        for (KafkaClientConfig kafka : List.of(configured(null, null), configured(USER, "wrong-" + PASSWORD))) {
            String topic = "sasl-refused-" + UUID.randomUUID();

            assertThrows(Exception.class, () -> TopicsBootstrap.ensureTopics(kafka, List.of(topic), 1, (short) 1));
            assertEquals(Map.of(), describe(topic), "no topic was created");

            OutboxEvent event = row(topic, "k", "{}");
            try (OutboxSender sender = new OutboxSender(kafka, "test-service-outbox-relay", Duration.ofSeconds(2))) {
                assertNotNull(sender.send(List.of(event)));
            }
            assertNull(event.sentAt);
            assertEquals(1, event.attempts);
            assertNotNull(event.lastError);

            try (BrokerProbe probe = new BrokerProbe(kafka, Duration.ofSeconds(2), Clock.systemUTC())) {
                BrokerProbe.State state = probe.check();
                assertFalse(state.reachable());
                assertNotNull(state.error());
            }
        }
    }
}
