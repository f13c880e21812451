package org.newslens.nlp.service;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    @Test
    void connectionShutdownResourceAndRetryableStatesAnywhereInTheCauseChainAreUnavailable() {
        for (String state : new String[] {"08001", "08006", "57P01", "57P03", "53300", "40001", "40P01"}) {
            assertTrue(DatabaseFailures.isUnavailable(new SQLException("x", state)), state);
            assertTrue(DatabaseFailures.isUnavailable(new IllegalStateException(new SQLException("x", state))), state);
        }
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("Sorry, acquisition timeout!")));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseFailures.isUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseFailures.isUnavailable(new SQLException("no state")));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalArgumentException("bug")));
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
