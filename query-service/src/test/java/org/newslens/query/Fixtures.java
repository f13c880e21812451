package org.newslens.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes rows the way ingest-service and nlp-service do, as the database owner: sources, articles,
 * entities, and enrichments that take the next change_seq last in their transaction.
 */
public class Fixtures {

    private final String ownerUrl;

    public Fixtures(String ownerUrl) {
        this.ownerUrl = ownerUrl;
    }

    /**
     * An entity mentioned wherever {@code surface} occurs in the article text, except inside an earlier
     * mention: list "Antony Blinken" before "Blinken".
     */
    public record Mention(long entityId, String surface) {
    }

    public long source(String name) throws SQLException {
        return insert("""
                INSERT INTO ingest.sources (name) VALUES (?)
                ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id""", name);
    }

    public long article(Long sourceId, String title, String text, String url, String languageHint, Instant publishedAt)
            throws SQLException {
        return insert("""
                INSERT INTO ingest.articles (source_id, url, canonical_url, title, text, language_hint, published_at, content_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                sourceId, url, url, title, text, languageHint,
                publishedAt == null ? null : Timestamp.from(publishedAt), sha256(text));
    }

    public long entity(String type, String canonical, String... aliases) throws SQLException {
        long id = insert("""
                INSERT INTO nlp.entities (type, canonical) VALUES (?, ?)
                ON CONFLICT (type, canonical) DO UPDATE SET canonical = EXCLUDED.canonical RETURNING id""",
                type, canonical);
        for (String alias : aliases) {
            execute("INSERT INTO nlp.entity_aliases (entity_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING", id, alias);
        }
        return id;
    }

    /** Stores (or replaces) the article's enrichment and mentions in one transaction; returns its change_seq. */
    public long enrich(long articleId, String language, Mention... mentions) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ownerUrl)) {
            connection.setAutoCommit(false);
            String text = queryString(connection, "SELECT text FROM ingest.articles WHERE id = ?", articleId);
            update(connection, "DELETE FROM nlp.mentions WHERE article_id = ?", articleId);
            long seq = Long.parseLong(queryString(connection,
                    "UPDATE nlp.change_feed SET last_seq = last_seq + 1 RETURNING last_seq::text"));
            update(connection, """
                    INSERT INTO nlp.enrichments (article_id, change_seq, pipeline_version, language, stages)
                    VALUES (?, ?, 1, ?, ARRAY['ner'])
                    ON CONFLICT (article_id) DO UPDATE
                    SET change_seq = EXCLUDED.change_seq, language = EXCLUDED.language, enriched_at = now()""",
                    articleId, seq, language);
            boolean[] taken = new boolean[text.length()];
            for (Mention mention : mentions) {
                for (int at = text.indexOf(mention.surface()); at >= 0; at = text.indexOf(mention.surface(), at + 1)) {
                    int end = at + mention.surface().length();
                    if (taken[at] || taken[end - 1]) {
                        continue;
                    }
                    Arrays.fill(taken, at, end, true);
                    update(connection, """
                            INSERT INTO nlp.mentions (article_id, entity_id, start_offset, end_offset, surface)
                            VALUES (?, ?, ?, ?, ?)""",
                            articleId, mention.entityId(), at, end, mention.surface());
                }
            }
            connection.commit();
            return seq;
        }
    }

    private long insert(String sql, Object... params) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ownerUrl)) {
            return Long.parseLong(queryString(connection, sql, params));
        }
    }

    private void execute(String sql, Object... params) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ownerUrl)) {
            update(connection, sql, params);
        }
    }

    private static String queryString(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
