package org.ownersvote.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class KafkaClientConfigTest {

    private static KafkaClientConfig read(Map<String, String> properties) {
        return KafkaClientConfig.from(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build());
    }

    @Test
    void everyKafkaSettingInPropertyOrEnvironmentFormAndNothingElse() {
        KafkaClientConfig kafka = read(Map.of(
                "kafka.bootstrap.servers", "k1:9093",
                "kafka.security.protocol", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "kafka.ssl.truststore.type", "PKCS12",
                "kafka.ui.enabled", "true",
                "kafka-streams.application-id", "x",
                "mp.messaging.connector.smallrye-kafka.session.timeout.ms", "10000",
                "quarkus.application.name", "svc"));
        assertEquals(Map.of("bootstrap.servers", "k1:9093", "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512", "ssl.truststore.type", "PKCS12"), kafka.common());
    }

    @Test
    void aTlsRegistryConfigurationGoesThroughQuarkusSslEngineFactoryAsForTheConnector() {
        KafkaClientConfig kafka = read(Map.of("kafka.tls-configuration-name", "kafka-tls"));
        assertEquals(Map.of("tls-configuration-name", "kafka-tls",
                "ssl.engine.factory.class", "io.quarkus.kafka.client.tls.QuarkusKafkaSslEngineFactory"),
                kafka.common());
    }

    @Test
    void aClientsOwnSettingsGoOnTopWithoutChangingTheSharedOnes() {
        KafkaClientConfig kafka = read(Map.of("kafka.bootstrap.servers", "k1:9093", "kafka.request.timeout.ms",
                "30000", "kafka.security.protocol", "SSL"));
        Map<String, Object> admin = kafka.with(Map.of("request.timeout.ms", 2000, "client.id", "readiness-check"));
        assertEquals(Map.of("bootstrap.servers", "k1:9093", "request.timeout.ms", 2000, "security.protocol", "SSL",
                "client.id", "readiness-check"), admin);
        assertEquals("30000", kafka.common().get("request.timeout.ms"));
    }
}
