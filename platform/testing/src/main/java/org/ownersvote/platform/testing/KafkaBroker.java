package org.ownersvote.platform.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node KRaft Kafka broker inside the test JVM. Unlike the test kit it listens on fixed ports and
 * keeps its log directory across {@link #stop()} and {@link #start()}, so a test can take the broker away and
 * bring the same one back, with the same data, at the same address.
 *
 * <p>{@link #startWithSaslPlain} starts one whose clients must authenticate (SASL/PLAIN over SASL_PLAINTEXT), as a
 * broker with TLS/SASL switched on in production would: {@link #clientProperties()} gives what a client needs.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The broker's own account on its SASL listener (the inter-broker listener authenticates as well). */
    private static final String BROKER_USER = "broker";
    private static final String BROKER_PASSWORD = "broker-secret";

    private final Path dataDir;
    private final int brokerPort;
    private final int controllerPort;
    /** user and password a client signs in with, or null for a PLAINTEXT listener. */
    private final String saslUser;
    private final String saslPassword;
    private KafkaRaftServer server;

    private KafkaBroker(Path dataDir, int brokerPort, int controllerPort, String saslUser, String saslPassword) {
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.saslUser = saslUser;
        this.saslPassword = saslPassword;
    }

    public static KafkaBroker startNew() {
        return startNew(null, null);
    }

    /**
     * A broker whose only client listener is SASL_PLAINTEXT with the PLAIN mechanism, knowing one client account.
     * A client without these credentials (or with others) cannot use it.
     */
    public static KafkaBroker startWithSaslPlain(String user, String password) {
        if (user == null || password == null || user.isBlank() || user.contains("\"") || password.contains("\"")) {
            throw new IllegalArgumentException("a user and a password without quotes");
        }
        return startNew(user, password);
    }

    private static KafkaBroker startNew(String saslUser, String saslPassword) {
        try {
            Path dir = Files.createTempDirectory("ownersvote-kafka-");
            KafkaBroker broker = new KafkaBroker(dir, freePort(), freePort(), saslUser, saslPassword);
            broker.format();
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** What a client needs to use this broker: its address and, for a SASL broker, the client account's login. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> client = new HashMap<>();
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (saslUser != null) {
            client.putAll(saslClientProperties(saslUser, saslPassword));
        }
        return client;
    }

    /** The client settings for SASL/PLAIN with the given login (e.g. a wrong one, to see the broker refuse it). */
    public static Map<String, Object> saslClientProperties(String user, String password) {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config",
                plainLogin(user, password, ""));
    }

    private static String plainLogin(String user, String password, String extra) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\"" + extra + ";";
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(properties(), false), Time.SYSTEM);
        server.startup();
        awaitReady(Duration.ofSeconds(60));
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }

    private void format() throws IOException {
        Path config = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            properties().store(out, "OwnersVote test broker");
        }
        int exit = kafka.tools.StorageTool.execute(new String[] { "format", "-t", "b3duZXJzdm90ZS10ZXN0MQ",
                "-c", config.toString(), "--ignore-formatted" }, new PrintStream(OutputStream.nullOutputStream()));
        if (exit != 0) {
            throw new IllegalStateException("kafka storage format failed with exit " + exit);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        String listener = saslUser == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        p.put("listeners", listener + "://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", listener + "://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", listener);
        p.put("listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:PLAINTEXT");
        if (saslUser != null) {
            // The listener's accounts (user_NAME="password") and the broker's own login on it.
            p.put("sasl.enabled.mechanisms", "PLAIN");
            p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
            p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", plainLogin(BROKER_USER, BROKER_PASSWORD,
                    " user_" + BROKER_USER + "=\"" + BROKER_PASSWORD + "\" user_" + saslUser + "=\"" + saslPassword
                            + "\""));
        }
        p.put("log.dirs", dataDir.resolve("logs").toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", "1");
        return p;
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Object> client = clientProperties();
        client.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(client)) {
            while (Instant.now().isBefore(deadline)) {
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // the broker is still starting
                }
                sleep(200);
            }
        }
        throw new IllegalStateException("Kafka broker not ready within " + timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
