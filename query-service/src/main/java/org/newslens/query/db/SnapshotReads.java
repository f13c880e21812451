package org.newslens.query.db;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs several queries against one consistent snapshot of the database (a read-only, repeatable-read
 * transaction), so that rows read together belong together, e.g. mention offsets and the text read
 * with them, or a batch of the change feed and its entities.
 */
@ApplicationScoped
public class SnapshotReads {

    /** Queries run inside the snapshot. */
    @FunctionalInterface
    public interface Read<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public SnapshotReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T read(Read<T> read) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            try {
                return read.apply(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** A plain connection, for a single statement that needs no snapshot. */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }
}
