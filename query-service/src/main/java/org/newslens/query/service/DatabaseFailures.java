package org.newslens.query.service;

import java.sql.SQLException;
import java.util.Locale;

/** Tells a database that cannot answer now (worth retrying shortly) from a request that is wrong. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * Whether {@code failure} or any of its causes says the database is unreachable or cannot serve now:
     * SQLState class 08 (connection), 57P (shutting down, cannot connect now), 53 (out of resources),
     * 40001/40P01 (serialization failure, deadlock: retrying succeeds), an Agroal acquisition timeout, or
     * Hibernate's JDBCConnectionException.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
            String message = cause.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
            if (cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                || state.equals("40001") || state.equals("40P01"));
    }
}
