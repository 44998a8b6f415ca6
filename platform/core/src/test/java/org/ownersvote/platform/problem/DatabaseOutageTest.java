package org.ownersvote.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aLostConnectionDeepInTheCauseChainIsAnOutage() {
        SQLException closed = new SQLException("This connection has been closed.", "08003");
        RuntimeException wrapped = new IllegalStateException("commit failed", new RuntimeException("jdbc", closed));
        assertTrue(DatabaseOutage.causedBy(wrapped));
        assertTrue(DatabaseOutage.causedBy(new SQLException("terminating connection due to administrator command",
                "57P01")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void anOutageReportedAsTheNextExceptionCounts() {
        SQLException batch = new SQLException("batch failed", "XX000");
        batch.setNextException(new SQLException("I/O error", "08006"));
        assertTrue(DatabaseOutage.causedBy(batch));
    }

    @Test
    void aCommitThatFailedOnAClosedConnectionCountsThoughTheSqlExceptionIsOnlySuppressed() {
        // as Narayana reports it: RollbackException, with the XAException (caused by the driver's) suppressed
        Exception rollback = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new RuntimeException("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);
        assertTrue(DatabaseOutage.causedBy(new RuntimeException("Error invoking subclass method", rollback)));
    }

    @Test
    void constraintViolationsAndCodeFaultsAreNot() {
        assertFalse(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.causedBy(new SQLException("no state")));
        assertFalse(DatabaseOutage.causedBy(new NullPointerException()));
        assertFalse(DatabaseOutage.causedBy(null));
    }
}
