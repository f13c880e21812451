package org.newslens.nlp.service;

import java.sql.SQLException;

/** Tells a database that cannot answer right now (worth retrying) from every other failure. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * True when anything in the cause chain says the database is unreachable, shutting down, out of
     * resources, or refused a transaction that a retry can pass (serialization failure, deadlock).
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && isRetryableState(sql.getSQLState())) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            // Agroal's pool answers "Sorry, acquisition timeout!" when no connection can be had in time
            if (t.getMessage() != null && t.getMessage().contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRetryableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                || state.equals("40001") || state.equals("40P01"));
    }
}
