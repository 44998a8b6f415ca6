package org.ownersvote.suite;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server the test owns (binaries from Maven Central, as the local run uses when the machine has none),
 * so that a test can stop it and start it again at the same address with the same data. Never the machine's shared
 * server: other tests and people use that one.
 */
final class OwnedPostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private OwnedPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static OwnedPostgres start() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OwnedPostgres postgres = new OwnedPostgres(Files.createTempDirectory("ownersvote-owned-pg-"), port);
        postgres.startServer();
        return postgres;
    }

    /** The server's JDBC URL ending in '/', for {@link org.ownersvote.platform.testing.TestDatabase#create}. */
    String serverUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/";
    }

    /** Stops the server (fast shutdown: open connections are cut, as when the database host restarts). */
    synchronized void stopServer() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    synchronized void startServer() throws IOException {
        if (server == null) {
            server = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                    .start();
        }
    }

    @Override
    public void close() throws IOException {
        stopServer();
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
