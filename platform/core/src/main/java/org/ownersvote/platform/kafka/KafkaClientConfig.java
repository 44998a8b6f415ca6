package org.ownersvote.platform.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * The settings of every Kafka client the platform builds by hand (the outbox relay's producer, the topic bootstrap's
 * and the readiness check's admin clients): every {@code kafka.} property, read the way the Quarkus Kafka extension
 * reads them for the SmallRye connector ({@code KafkaRuntimeConfigProducer}, the {@code default-kafka-broker} map),
 * so that {@code kafka.security.protocol}, {@code kafka.sasl.*} and {@code kafka.ssl.*} configured for the consumers
 * reach these clients too. Each client's own settings go on top ({@link #with}).
 *
 * <p>As there, a name may be in environment form ({@code KAFKA_SASL_JAAS_CONFIG} is {@code sasl.jaas.config}),
 * {@code kafka.ui.*} is left out, and {@code kafka.tls-configuration-name} selects a Quarkus TLS registry
 * configuration through Quarkus' SSL engine factory. Values are never logged here (a JAAS line holds a password).
 */
public final class KafkaClientConfig {

    private static final String PREFIX = "kafka";
    static final String TLS_CONFIGURATION_NAME = "tls-configuration-name";
    static final String QUARKUS_SSL_ENGINE_FACTORY = "io.quarkus.kafka.client.tls.QuarkusKafkaSslEngineFactory";

    private final Map<String, Object> common;

    public KafkaClientConfig(Map<String, ?> common) {
        this.common = Map.copyOf(common);
    }

    /** Every {@code kafka.} property of the configuration (system properties, environment, application.properties). */
    public static KafkaClientConfig from(Config config) {
        Map<String, Object> common = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            // "kafka." or the environment's "KAFKA_"; not kafka-streams.*, not the dev UI's kafka.ui.*
            if (lower.length() <= PREFIX.length() + 1 || !lower.startsWith(PREFIX)
                    || (lower.charAt(PREFIX.length()) != '.' && lower.charAt(PREFIX.length()) != '_')) {
                continue;
            }
            String key = lower.substring(PREFIX.length() + 1).replace('_', '.');
            if (key.startsWith("ui.")) {
                continue;
            }
            Optional<String> value = config.getOptionalValue(name, String.class);
            if (value.isEmpty()) {
                continue;
            }
            if (key.equals(TLS_CONFIGURATION_NAME) || key.equals("tls.configuration.name")) {
                common.put(TLS_CONFIGURATION_NAME, value.get());
                common.put("ssl.engine.factory.class", QUARKUS_SSL_ENGINE_FACTORY);
            } else {
                common.put(key, value.get());
            }
        }
        return new KafkaClientConfig(common);
    }

    /** The shared settings alone. */
    public Map<String, Object> common() {
        return common;
    }

    /** The shared settings with a client's own on top (its id, timeouts, acks…), as a new mutable map. */
    public Map<String, Object> with(Map<String, ?> own) {
        Map<String, Object> settings = new HashMap<>(common);
        settings.putAll(own);
        return settings;
    }
}
