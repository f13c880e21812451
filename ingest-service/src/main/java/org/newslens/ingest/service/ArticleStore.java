package org.newslens.ingest.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.OptionalLong;

/**
 * The SQL that writes articles, their sources and their enrichment jobs. It runs inside the caller's
 * transaction; the unique constraints on canonical URL and content hash decide what is a duplicate,
 * so concurrent posts of one article store it once.
 */
@ApplicationScoped
public class ArticleStore {

    private final AgroalDataSource dataSource;

    ArticleStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the new article's id, or empty if an article with this URL or body already exists */
    public OptionalLong insertArticle(ArticleDraft draft, Long sourceId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO ingest.articles (source_id, url, canonical_url, title, text, language_hint, published_at, content_hash)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT DO NOTHING
                     RETURNING id""")) {
            insert.setObject(1, sourceId, Types.BIGINT);
            insert.setString(2, draft.url());
            insert.setString(3, draft.canonicalUrl());
            insert.setString(4, draft.title());
            insert.setString(5, draft.text());
            insert.setString(6, draft.language());
            insert.setTimestamp(7, draft.publishedAt() == null ? null : Timestamp.from(draft.publishedAt()));
            insert.setBytes(8, draft.contentHash());
            try (ResultSet rows = insert.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** The earliest stored article with the same canonical URL or the same normalised body. */
    public OptionalLong findDuplicate(ArticleDraft draft) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT id FROM ingest.articles
                     WHERE canonical_url = ? OR content_hash = ?
                     ORDER BY id LIMIT 1""")) {
            query.setString(1, draft.canonicalUrl());
            query.setBytes(2, draft.contentHash());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    public long sourceId(String name, String domain) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO ingest.sources (name, domain) VALUES (?, ?)
                     ON CONFLICT (name) DO UPDATE SET domain = COALESCE(ingest.sources.domain, EXCLUDED.domain)
                     RETURNING id""")) {
            upsert.setString(1, name);
            upsert.setString(2, domain);
            try (ResultSet rows = upsert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Queues the article for nlp-service (its queue table, see nlp-service's migrations). */
    public void insertEnrichmentJob(long articleId, ArticleDraft draft) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO nlp.jobs (article_id, title, text, language_hint) VALUES (?, ?, ?, ?)""")) {
            insert.setLong(1, articleId);
            insert.setString(2, draft.title());
            insert.setString(3, draft.text());
            insert.setString(4, draft.language());
            insert.executeUpdate();
        }
    }
}
