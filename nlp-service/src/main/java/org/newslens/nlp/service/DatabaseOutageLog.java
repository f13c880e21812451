package org.newslens.nlp.service;

import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Logs a database outage seen by the background work (workers, lease heartbeat, re-enrichment sweep)
 * once when it begins and once when it ends, not at every poll of every thread in between.
 */
@Singleton
public class DatabaseOutageLog {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageLog.class);

    private final AtomicBoolean down = new AtomicBoolean();

    /** Reports a failed use of the database that {@link DatabaseFailures#isUnavailable} recognised. */
    public void unavailable(String what, Throwable failure) {
        if (down.compareAndSet(false, true)) {
            LOG.warnf("Database unavailable (%s while %s); background work waits and retries until it is back",
                    describe(failure), what);
        }
    }

    /** Reports that the database answered; ends an outage if one was logged. */
    public void reachable() {
        if (down.get() && down.compareAndSet(true, false)) {
            LOG.info("Database reachable again; background work resumes");
        }
    }

    /** The SQL state, or the failure's class: never its message, which may quote the statement's data. */
    private static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return "SQL state " + sql.getSQLState();
            }
        }
        return failure.getClass().getSimpleName();
    }
}
