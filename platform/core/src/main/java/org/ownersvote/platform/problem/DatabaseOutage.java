package org.ownersvote.platform.problem;

import java.sql.SQLException;

/**
 * Whether a failure is the database being away (the server restarting, the network to it cut) rather than a fault
 * of the request or of the code: SQLState class 08 (connection exception) and 57P01–57P03 (the server shutting
 * down, crashed, or not yet accepting connections), anywhere in the cause chain. Such a request is answered 503
 * with Retry-After, so that a client sends it again, instead of 500, which says "do not repeat this".
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (isOutage(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean isOutage(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }
}
