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
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dataDir;
    private final int brokerPort;
    private final int controllerPort;
    private KafkaRaftServer server;

    private KafkaBroker(Path dataDir, int brokerPort, int controllerPort) {
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    public static KafkaBroker startNew() {
        try {
            Path dir = Files.createTempDirectory("ownersvote-kafka-");
            KafkaBroker broker = new KafkaBroker(dir, freePort(), freePort());
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
        int exit = kafka.tools.StorageTool.execute(new String[] {"format", "-t", "b3duZXJzdm90ZS10ZXN0MQ",
                "-c", config.toString(), "--ignore-formatted"}, new PrintStream(OutputStream.nullOutputStream()));
        if (exit != 0) {
            throw new IllegalStateException("kafka storage format failed with exit " + exit);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
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
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000))) {
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
