package org.ownersvote.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh PostgreSQL database for one test run, dropped afterwards. The server is the machine's PostgreSQL
 * (127.0.0.1:5432, trust auth) unless OWNERSVOTE_TEST_PG points elsewhere (a JDBC URL ending in '/').
 */
public final class TestDatabase {

    private final String serverUrl;
    private final String name;

    private TestDatabase(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    public static TestDatabase create(String prefix) {
        return create(System.getenv().getOrDefault("OWNERSVOTE_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/"), prefix);
    }

    /** A fresh database on the given server (a JDBC URL ending in '/', user postgres without password). */
    public static TestDatabase create(String server, String prefix) {
        String name = ("ovtest_" + prefix + "_" + Long.toString(System.currentTimeMillis(), 36) + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36)).replaceAll("[^a-z0-9_]", "_");
        TestDatabase db = new TestDatabase(server, name);
        db.execute("create database " + name);
        return db;
    }

    public String jdbcUrl() {
        return serverUrl + name;
    }

    public String name() {
        return name;
    }

    public void drop() {
        execute("drop database if exists " + name + " with (force)");
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + serverUrl + " refused '" + sql + "': " + e.getMessage()
                    + " (is the server running? pg_ctlcluster 15 main start)", e);
        }
    }
}
