package org.newslens.ingest;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.newslens.ingest.service.DatabaseFailures;

import java.io.UncheckedIOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseFailuresTest {

    @Test
    void connectionShutdownResourceAndRetryStatesAreUnavailable() {
        for (String state : new String[] {"08001", "08006", "57P01", "57P03", "53300", "40001", "40P01"}) {
            assertTrue(DatabaseFailures.isUnavailable(new SQLException("x", state)), state);
        }
        assertTrue(DatabaseFailures.isUnavailable(new RuntimeException(new IllegalStateException(new SQLException("x", "08006")))));
        assertTrue(DatabaseFailures.isUnavailable(new JDBCConnectionException("x", new SQLException("x"))));
        assertTrue(DatabaseFailures.isUnavailable(new SQLException("Acquisition timeout while waiting for new connection")));
        SQLException batch = new BatchUpdateException("Batch entry 0 was aborted", "42000", new int[0]);
        batch.setNextException(new SQLException("I/O error", "08006"));
        assertTrue(DatabaseFailures.isUnavailable(batch));
    }

    @Test
    void badStatementsAndOtherFailuresAreNot() {
        assertFalse(DatabaseFailures.isUnavailable(new SQLException("invalid byte sequence", "22021")));
        assertFalse(DatabaseFailures.isUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseFailures.isUnavailable(new UncheckedIOException(new java.io.IOException("client went away"))));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException()));
    }

    @Test
    void theLoggedDescriptionCarriesNoMessageSoNoArticleText() {
        SQLException failure = new SQLException("Batch entry 0 INSERT ... VALUES ('the secret article body') was aborted", "08006");
        String described = DatabaseFailures.describe(new IllegalStateException("wrapped: the secret article body", failure));
        assertEquals("IllegalStateException <- SQLException (SQLState 08006)", described);
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
