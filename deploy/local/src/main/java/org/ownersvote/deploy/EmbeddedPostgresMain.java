package org.ownersvote.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a real PostgreSQL (binaries from Maven Central) for machines without a server on 127.0.0.1:5432.
 * Usage: EmbeddedPostgresMain DATA_DIR PORT. Keeps the data directory, so a second run finds the first run's data.
 * Prints "READY port" when it accepts connections, and stops the server when the JVM is stopped.
 */
public final class EmbeddedPostgresMain {

    private EmbeddedPostgresMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (Exception e) {
            System.err.println("Embedded PostgreSQL could not start: " + e.getMessage());
            System.err.println("As root it needs user namespaces (unshare); otherwise run a PostgreSQL server and set "
                    + "OWNERSVOTE_PG_URL=jdbc:postgresql://HOST:PORT/ (and OWNERSVOTE_PG_USER, OWNERSVOTE_PG_PASSWORD).");
            System.exit(2);
            return;
        }
        System.out.println("READY " + postgres.getPort());
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("Stopping PostgreSQL: " + e.getMessage());
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
