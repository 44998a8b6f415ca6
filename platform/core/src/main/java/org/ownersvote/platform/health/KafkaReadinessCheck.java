package org.ownersvote.platform.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.properties.IfBuildProperty;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.ownersvote.platform.outbox.OutboxEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Ready only when the Kafka cluster answers. The outbox backlog is reported beside it, so an operator sees how
 * many events wait for the broker; writes are still accepted meanwhile because they go to the outbox.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "ownersvote.messaging.enabled", stringValue = "true", enableIfMissing = true)
public class KafkaReadinessCheck implements HealthCheck {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private Admin admin;

    @Override
    public HealthCheckResponse call() {
        long backlog = QuarkusTransaction.requiringNew().call(OutboxEvent::backlog);
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .nodes().get(3, TimeUnit.SECONDS).size();
            return HealthCheckResponse.named("kafka").up()
                    .withData("brokers", nodes).withData("outboxBacklog", backlog).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down()
                    .withData("error", String.valueOf(e.getMessage())).withData("outboxBacklog", backlog).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "readiness-check",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
        }
    }
}
