package org.ownersvote.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A digest of every row of a service's own tables, to show that a refused request changed nothing. The audit trail
 * (refusals are written there on purpose), the inbox, the outbox and Flyway's history are left out.
 */
public final class DatabaseFingerprint {

    private static final List<String> LEFT_OUT = List.of("audit_entry", "processed_event", "outbox_event",
            "flyway_schema_history");

    private DatabaseFingerprint() {
    }

    public static String of(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                while (rs.next()) {
                    if (!LEFT_OUT.contains(rs.getString(1))) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            StringBuilder digest = new StringBuilder();
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*), md5(coalesce(string_agg(t::text, '|' order by "
                        + "t::text), '')) from \"" + table + "\" t")) {
                    rs.next();
                    digest.append(table).append(':').append(rs.getLong(1)).append(':').append(rs.getString(2))
                            .append('\n');
                }
            }
            return digest.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database for its fingerprint", e);
        }
    }
}
