package org.ownersvote.platform.problem;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

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
        return causedBy(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * Causes and suppressed exceptions both: a commit that failed because the connection died is a RollbackException
     * whose SQLException is suppressed, not its cause.
     */
    private static boolean causedBy(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof SQLException sql) {
            for (SQLException e = sql; e != null; e = e.getNextException()) {
                if (isOutage(e.getSQLState())) {
                    return true;
                }
            }
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (causedBy(suppressed, seen)) {
                return true;
            }
        }
        return causedBy(t.getCause(), seen);
    }

    static boolean isOutage(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }
}
