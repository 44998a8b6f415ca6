package org.ownersvote.platform.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.ownersvote.platform.kafka.KafkaClientConfig;

/**
 * Asks the Kafka cluster, with every {@code kafka.} setting, whether it answers, and remembers since when it has not.
 * Plain Java: {@link KafkaReadinessCheck} runs it in the background so that a probe never waits for a broker.
 */
public final class BrokerProbe implements AutoCloseable {

    /**
     * The last answer: reachable with how many brokers, or not with the error; {@code unreachableSince} is the first
     * failed check after the last good one (or the probe's creation, if the broker was never reached).
     */
    public record State(boolean reachable, int brokers, String error, Instant checkedAt, Instant unreachableSince) {

        /** How long the broker has been unreachable at {@code now}; zero while it answers. */
        public Duration outage(Instant now) {
            return reachable ? Duration.ZERO : Duration.between(unreachableSince, now);
        }
    }

    private final Map<String, Object> settings;
    private final Duration timeout;
    private final Clock clock;
    private Admin admin;
    private volatile State state;

    public BrokerProbe(KafkaClientConfig kafka, Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        int millis = (int) timeout.toMillis();
        this.settings = kafka.with(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "readiness-check",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis));
        Instant now = clock.instant();
        this.state = new State(false, 0, "not checked yet", null, now);
    }

    /** Asks the cluster now (waits at most about the timeout) and records the answer. */
    public State check() {
        State previous = state;
        Instant now = clock.instant();
        State next;
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS).size();
            next = new State(true, nodes, null, now, null);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            Instant since = previous.reachable() ? now : previous.unreachableSince();
            next = new State(false, 0, cause.getClass().getSimpleName() + ": " + cause.getMessage(), now, since);
        }
        state = next;
        return next;
    }

    /** The last answer, without asking. */
    public State state() {
        return state;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(settings);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
