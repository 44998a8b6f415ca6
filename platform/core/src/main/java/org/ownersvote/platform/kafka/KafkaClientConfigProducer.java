package org.ownersvote.platform.kafka;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

/** Reads {@link KafkaClientConfig} once from the service's configuration. */
@Dependent
public class KafkaClientConfigProducer {

    @Produces
    @Singleton
    KafkaClientConfig kafkaClientConfig(Config config) {
        return KafkaClientConfig.from(config);
    }
}
