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
}
