package org.newslens.ingest.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Optional;

/**
 * Remembers the outcome of each request made with an {@code Idempotency-Key}, so a retry gets the
 * first answer back instead of storing the article twice. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private final AgroalDataSource dataSource;

    IdempotencyKeys(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Serialises requests with the same key until the transaction ends, then answers with the
     * outcome of an earlier request with that key, if there was one.
     *
     * @throws IdempotencyKeyReusedException if the earlier request with this key had another body
     */
    public Optional<IngestOutcome> earlierOutcome(String key, byte[] requestHash) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, key);
                lock.execute();
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT request_hash, outcome, article_id, related_id FROM ingest.idempotency_keys WHERE key = ?")) {
                query.setString(1, key);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    if (!Arrays.equals(rows.getBytes(1), requestHash)) {
                        throw new IdempotencyKeyReusedException(key);
                    }
                    long id = rows.getLong(3);
                    return Optional.of(switch (rows.getString(2)) {
                        case "duplicate" -> new IngestOutcome.Duplicate(id);
                        case "near_duplicate" -> new IngestOutcome.NearDuplicate(id, rows.getLong(4));
                        default -> new IngestOutcome.Created(id);
                    });
                }
            }
        }
    }

    public void remember(String key, byte[] requestHash, IngestOutcome outcome) throws SQLException {
        Long related = outcome instanceof IngestOutcome.NearDuplicate near ? Long.valueOf(near.nearDuplicateOf())
                : outcome instanceof IngestOutcome.Duplicate ? Long.valueOf(outcome.id()) : null;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO ingest.idempotency_keys (key, request_hash, outcome, article_id, related_id) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setBytes(2, requestHash);
            insert.setString(3, outcome.status());
            insert.setLong(4, outcome.id());
            insert.setObject(5, related, Types.BIGINT);
            insert.executeUpdate();
        }
    }
}
