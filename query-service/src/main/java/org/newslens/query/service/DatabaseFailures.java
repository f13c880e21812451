package org.newslens.query.service;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
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
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable cause = pending.pop();
            if (!seen.add(cause)) {
                continue;
            }
            if (cause instanceof SQLException sql && isUnavailableState(sql.getSQLState())
                    || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")
                    || isAcquisitionTimeout(cause)) {
                return true;
            }
            if (cause.getCause() != null) {
                pending.push(cause.getCause());
            }
            // a failed commit carries the connection's failure as a suppressed exception, not as its cause
            pending.addAll(List.of(cause.getSuppressed()));
            // a batch's own exception says only which entry failed; why is in the chained next exceptions
            if (cause instanceof SQLException sql && sql.getNextException() != null) {
                pending.push(sql.getNextException());
            }
        }
        return false;
    }

    /** SQLState classes 08 (connection), 57P (shutdown, cannot connect now), 53 (resources); 40001/40P01 (retry). */
    private static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                || state.equals("40001") || state.equals("40P01"));
    }

    /** Agroal's pool reports a connection it could not hand out in time with this message and no SQLState. */
    private static boolean isAcquisitionTimeout(Throwable cause) {
        return cause.getMessage() != null && cause.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
