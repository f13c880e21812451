package org.newslens.ingest.feed;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A {@link SingletonGuard} built on a session-level PostgreSQL advisory lock, held on one dedicated
 * connection for as long as the work runs. If the replica dies, its connection closes and the lock is
 * released with it. Used outside Kubernetes; chosen by {@link SingletonGuardSelector}.
 */
@Singleton
@Typed(AdvisoryLockGuard.class)
public class AdvisoryLockGuard implements SingletonGuard {

    private static final Logger LOG = Logger.getLogger(AdvisoryLockGuard.class);

    private final AgroalDataSource dataSource;

    AdvisoryLockGuard(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean runExclusively(String task, Runnable work) {
        long key = lockKey(task);
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "SELECT pg_try_advisory_lock(?)", key)) {
                return false;
            }
            try {
                work.run();
            } finally {
                release(connection, task, key);
            }
            return true;
        } catch (SQLException e) {
            LOG.warnf("Skipped %s: could not take its advisory lock (%s)", task, e.getMessage());
            return false;
        }
    }

    /** The same 64-bit key on every replica, derived from the task's name. */
    static long lockKey(String task) {
        return UUID.nameUUIDFromBytes(("newslens:" + task).getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    }

    private static void release(Connection connection, String task, long key) {
        try {
            call(connection, "SELECT pg_advisory_unlock(?)", key);
        } catch (SQLException e) {
            // the connection is most likely broken; closing it ends the session and its locks
            LOG.warnf("Could not release the advisory lock of %s (%s)", task, e.getMessage());
        }
    }

    private static boolean call(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }
}
