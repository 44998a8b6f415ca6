package org.ownersvote.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Creates the services' databases where they do not exist yet. Usage: CreateDatabases SERVER_URL USER PASSWORD DB...
 * with SERVER_URL like jdbc:postgresql://127.0.0.1:5432/ .
 */
public final class CreateDatabases {

    private CreateDatabases() {
    }

    public static void main(String[] args) throws Exception {
        String server = args[0];
        try (Connection c = DriverManager.getConnection(server + "postgres", args[1], args[2])) {
            for (int i = 3; i < args.length; i++) {
                String name = args[i];
                if (!name.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + name);
                }
                try (PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
                    exists.setString(1, name);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = c.createStatement()) {
                    create.execute("create database " + name);
                    System.out.println("created database " + name);
                }
            }
        }
    }
}
