package org.newslens.query.service;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    @Test
    void connectionAndResourceStatesAnywhereInTheCauseChainAreUnavailable() {
        for (String state : new String[] {"08001", "08006", "57P01", "57P03", "53300", "40001", "40P01"}) {
            assertTrue(DatabaseFailures.isUnavailable(new SQLException("down", state)), state);
            assertTrue(DatabaseFailures.isUnavailable(new IllegalStateException("wrapped",
                    new RuntimeException(new SQLException("down", state)))), "caused by " + state);
        }
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("Acquisition timeout while waiting for new connection")));
    }

    @Test
    void wrongQueriesAndOtherFailuresAreNot() {
        for (String state : new String[] {"42P01", "22021", "23505", "42501", null}) {
            assertFalse(DatabaseFailures.isUnavailable(new SQLException("wrong", state)), String.valueOf(state));
        }
        assertFalse(DatabaseFailures.isUnavailable(new UncheckedIOException(new IOException("disk"))));
        assertFalse(DatabaseFailures.isUnavailable(new NullPointerException()));
    }

    @Test
    void aCommitThatFailedBecauseItsConnectionClosedIsUnavailable() {
        // what a transaction manager throws when the commit meets a dead connection: the driver's
        // failure is attached as a suppressed exception of the rollback, not as its cause
        IllegalStateException rollback = new IllegalStateException("commit failed");
        Exception xa = new Exception("transactionCommit failed", new SQLException("This connection has been closed.", "08003"));
        rollback.addSuppressed(xa);
        assertTrue(DatabaseFailures.isUnavailable(new RuntimeException(rollback)));
    }
}
