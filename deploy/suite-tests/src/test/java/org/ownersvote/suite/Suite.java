package org.ownersvote.suite;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.ownersvote.platform.testing.KafkaBroker;
import org.ownersvote.platform.testing.TestDatabase;

/**
 * The whole suite as separate processes, as it runs in production: a real broker, a fresh database per service,
 * and each service's packaged application (target/quarkus-app) started with java -jar on a free port.
 */
final class Suite implements AutoCloseable {

    static final String ADMIN_PASSWORD = "suite-root-passw0rd";

    final KafkaBroker broker;
    private final Map<String, TestDatabase> databases = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final Path root = Path.of(System.getProperty("ownersvote.root", "../..")).toAbsolutePath().normalize();
    final Path logs;

    private final Map<String, TestDatabase> given;

    private Suite(KafkaBroker broker, Map<String, TestDatabase> given, String logs) {
        this.broker = broker;
        this.given = given;
        this.logs = Path.of(System.getProperty("ownersvote.suite.logs", "target/suite-logs")).resolve(logs)
                .toAbsolutePath();
    }

    static Suite start() throws Exception {
        return start(Map.of(), "");
    }

    /**
     * The suite on databases that hold data already (e.g. restored from a backup), with a new, empty broker: each
     * service by its name ("election-service", …). Their logs go to the folder {@code logs} in the suite's logs.
     */
    static Suite start(Map<String, TestDatabase> databases, String logs) throws Exception {
        Suite suite = new Suite(KafkaBroker.startNew(), databases, logs);
        try {
            suite.startServices();
        } catch (Exception | AssertionError e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    String databaseUrl(String service) {
        return databases.get(service).jdbcUrl();
    }

    String log(String service) throws IOException {
        return Files.readString(logs.resolve(service + ".log"));
    }

    private void startServices() throws Exception {
        Files.createDirectories(logs);
        Path keys = Files.createTempDirectory("ownersvote-suite-keys");
        Path publicKey = copyResource("test-keys/public.pem", keys);
        Path privateKey = copyResource("test-keys/private.pem", keys);
        for (String service : List.of("election-service", "ballot-service", "notification-service", "gateway")) {
            databases.put(service, given.containsKey(service) ? given.get(service)
                    : TestDatabase.create("suite_" + service.replace("-service", "")));
            ports.put(service, freePort());
        }
        List<String> common = List.of(
                "-Dkafka.bootstrap.servers=" + broker.bootstrapServers(),
                "-Dmp.jwt.verify.publickey.location=" + publicKey,
                "-Downersvote.outbox.poll-interval=PT0.5S");
        List<String> election = new ArrayList<>(common);
        election.add("-Downersvote.ballot-service.url=http://127.0.0.1:" + ports.get("ballot-service"));
        start("election-service", election);
        start("ballot-service", common);
        start("notification-service", common);
        List<String> gateway = new ArrayList<>(common);
        gateway.add("-Dsmallrye.jwt.sign.key.location=" + privateKey);
        gateway.add("-Downersvote.gateway.election-service=http://127.0.0.1:" + ports.get("election-service"));
        gateway.add("-Downersvote.gateway.ballot-service=http://127.0.0.1:" + ports.get("ballot-service"));
        gateway.add("-Downersvote.gateway.notification-service=http://127.0.0.1:" + ports.get("notification-service"));
        start("gateway", gateway);
        for (String service : processes.keySet()) {
            awaitReady(service);
        }
    }

    /** The service's readiness probe as an orchestrator sees it: the status and the health document. */
    HttpResponse<String> readiness(String service) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + ports.get(service) + "/q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Kills the service's process as {@code kill -9} would: no shutdown hook, no graceful close. */
    void kill(String service) throws InterruptedException {
        Process process = processes.get(service);
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts the service again, as it was started first, and waits until it is ready. */
    void restart(String service) throws Exception {
        start(service, options.get(service));
        awaitReady(service);
    }

    private void start(String service, List<String> options) throws IOException {
        this.options.put(service, options);
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (mvn package)");
        }
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-XX:+UseSerialGC",
                        "-Dquarkus.http.port=" + ports.get(service),
                        "-Dquarkus.datasource.jdbc.url=" + databases.get(service).jdbcUrl()));
        command.addAll(options);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service + ".log").toFile()));
        builder.environment().put("OWNERSVOTE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("OWNERSVOTE_BALLOT_CODE_SECRET", "suite-test-code-secret-of-enough-length");
        // one service logs JSON, as a log collector would have it (the others text), so both are tried end to end
        if (service.equals("notification-service")) {
            builder.environment().put("OWNERSVOTE_JSON_LOGS", "true");
        }
        processes.put(service, builder.start());
    }

    private void awaitReady(String service) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + ports.get(service) + "/q/health/ready");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!processes.get(service).isAlive()) {
                throw new AssertionError(service + " exited during start:\n" + tail(service));
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new AssertionError(service + " not ready within 90 s:\n" + tail(service));
    }

    String tail(String service) throws IOException {
        List<String> lines = Files.readAllLines(logs.resolve(service + ".log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process p : processes.values()) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        broker.close();
        databases.values().forEach(TestDatabase::drop);
    }

    private static Path copyResource(String resource, Path dir) throws IOException {
        Path target = dir.resolve(Path.of(resource).getFileName());
        try (InputStream in = Suite.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
