package org.newslens.query.index;

import org.jboss.logging.Logger;

import java.util.concurrent.TimeUnit;

/**
 * Logs a failure that recurs at every poll without flooding the log: the first occurrence with its
 * stack, then one line a minute while it lasts (with how often it recurred), and one line when it ends.
 * Not thread-safe: the indexer uses it from its one polling thread.
 */
final class RepeatingFailureLog {

    private static final long REPEAT_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Logger log;
    private final String what;
    private boolean failing;
    private long loggedAt;
    private int unlogged;

    /** {@code what} names the work that fails, e.g. "Reading the change feed". */
    RepeatingFailureLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /** Logs {@code message} at {@code level} unless the same failure was logged less than a minute ago. */
    void failed(Logger.Level level, String message, Throwable failure) {
        long now = System.nanoTime();
        if (failing && now - loggedAt < REPEAT_NANOS) {
            unlogged++;
            return;
        }
        String repeats = unlogged == 0 ? "" : " (failed " + unlogged + " more times since the last report)";
        log.log(level, message + repeats, failing ? null : failure);
        failing = true;
        loggedAt = now;
        unlogged = 0;
    }

    /** Whether a failure is being reported: the next {@link #failed} is part of the same incident. */
    boolean failing() {
        return failing;
    }

    void succeeded() {
        if (failing) {
            log.infof("%s works again", what);
        }
        failing = false;
        unlogged = 0;
    }
}
