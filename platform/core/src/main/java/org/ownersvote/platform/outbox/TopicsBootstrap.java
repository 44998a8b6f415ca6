package org.ownersvote.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.ownersvote.events.Topics;
import org.ownersvote.platform.kafka.KafkaClientConfig;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the event topics at start if they do not exist, so that a consumer never waits for a topic that its
 * producer has not written to yet. Where topics are managed by the platform (Strimzi KafkaTopic resources) they
 * already exist and this does nothing. Kafka being down at start is not fatal: the outbox holds the events.
 */
@ApplicationScoped
@IfBuildProperty(name = "ownersvote.messaging.enabled", stringValue = "true", enableIfMissing = true)
public class TopicsBootstrap {

    private static final Logger LOG = Logger.getLogger(TopicsBootstrap.class);

    static final List<String> TOPICS = List.of(Topics.ELECTION_EVENTS, Topics.BALLOT_EVENTS, Topics.BALLOT_RESULTS,
            Topics.NOTIFICATION_EVENTS);

    /** Every kafka. setting (address, TLS, SASL…), as the consumers have them. */
    @Inject
    KafkaClientConfig kafka;

    @ConfigProperty(name = "ownersvote.kafka.topic-partitions", defaultValue = "3")
    int partitions;

    @ConfigProperty(name = "ownersvote.kafka.topic-replication-factor", defaultValue = "1")
    short replicationFactor;

    void createTopics(@Observes @Priority(1) StartupEvent start) {
        try {
            ensureTopics(kafka, TOPICS, partitions, replicationFactor);
        } catch (Exception e) {
            LOG.warnf("Could not make sure the event topics exist (%s); they will be created on first use",
                    e.getMessage());
        }
    }

    /** Creates those of the topics that do not exist yet; returns the ones it created. */
    static List<String> ensureTopics(KafkaClientConfig kafka, List<String> topics, int partitions,
            short replicationFactor) throws ExecutionException, InterruptedException, TimeoutException {
        List<String> created = new ArrayList<>();
        try (Admin admin = Admin.create(kafka.with(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "topics-bootstrap",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000)))) {
            // one request for all topics (start-up waits for it): then each topic's answer
            Map<String, KafkaFuture<Void>> answers = admin.createTopics(topics.stream()
                    .map(topic -> new NewTopic(topic, partitions, replicationFactor)).toList()).values();
            for (String topic : topics) {
                try {
                    answers.get(topic).get(6, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s (%d partitions)", topic, partitions);
                    created.add(topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        return created;
    }
}
