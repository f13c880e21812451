package org.newslens.ingest.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

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

    /** @return the new article's id, or empty if an article with this URL, body or external id exists */
    public OptionalLong insertArticle(ArticleDraft draft, Long sourceId, Long nearDuplicateOf) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO ingest.articles (source_id, url, canonical_url, title, text, language_hint, published_at,
                                                  content_hash, authors, external_id, lead_image_url, near_duplicate_of,
                                                  minhash)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT DO NOTHING
                     RETURNING id""")) {
            MinHasher.Signature signature = draft.signature();
            insert.setObject(1, sourceId, Types.BIGINT);
            insert.setString(2, draft.url());
            insert.setString(3, draft.canonicalUrl());
            insert.setString(4, draft.title());
            insert.setString(5, draft.text());
            insert.setString(6, draft.language());
            insert.setTimestamp(7, draft.publishedAt() == null ? null : Timestamp.from(draft.publishedAt()));
            insert.setBytes(8, draft.contentHash());
            insert.setArray(9, connection.createArrayOf("text", draft.authors().toArray()));
            insert.setString(10, draft.externalId());
            insert.setString(11, draft.leadImageUrl());
            insert.setObject(12, nearDuplicateOf, Types.BIGINT);
            insert.setArray(13, signature == null ? null : connection.createArrayOf("integer", IntStream.of(signature.values()).boxed().toArray()));
            try (ResultSet rows = insert.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Files the article under its LSH band keys, so later near-duplicates of it are found. */
    public void insertBandKeys(long articleId, MinHasher.Signature signature) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO ingest.article_lsh_bands (band_key, article_id)
                     SELECT DISTINCT unnest(?::bigint[]), ?
                     ON CONFLICT DO NOTHING""")) {
            insert.setArray(1, connection.createArrayOf("bigint", LongStream.of(signature.bandKeys()).boxed().toArray()));
            insert.setLong(2, articleId);
            insert.executeUpdate();
        }
    }

    /**
     * The earliest article whose body is at least {@code threshold} similar to this signature's.
     * Candidates share an LSH band key (B-tree lookups in ingest.article_lsh_bands); their signatures
     * are then compared.
     * Where the most similar earlier article is itself a near-duplicate, its original is returned.
     */
    public OptionalLong findNearDuplicate(MinHasher.Signature signature, double threshold) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             // The candidates are found first and ordered after: with ORDER BY id LIMIT on the scan itself,
             // a generic plan walks the primary key through the whole table looking for matches.
             PreparedStatement query = connection.prepareStatement("""
                     WITH candidates AS MATERIALIZED (
                         SELECT DISTINCT article_id FROM ingest.article_lsh_bands WHERE band_key = ANY (?) LIMIT 1000)
                     SELECT a.id, a.near_duplicate_of, a.minhash
                     FROM candidates c JOIN ingest.articles a ON a.id = c.article_id
                     ORDER BY a.id LIMIT 200""")) {
            query.setArray(1, connection.createArrayOf("bigint", LongStream.of(signature.bandKeys()).boxed().toArray()));
            long earliest = Long.MAX_VALUE;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Integer[] values = (Integer[]) rows.getArray(3).getArray();
                    if (MinHasher.similarity(signature.values(), Arrays.stream(values).mapToInt(Integer::intValue).toArray()) >= threshold) {
                        long original = rows.getObject(2) == null ? rows.getLong(1) : rows.getLong(2);
                        earliest = Math.min(earliest, original);
                    }
                }
            }
            return earliest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(earliest);
        }
    }

    /** The earliest stored article with the same canonical URL, normalised body or external id. */
    public OptionalLong findDuplicate(ArticleDraft draft) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT id FROM ingest.articles
                     WHERE canonical_url = ? OR content_hash = ? OR external_id = ?
                     ORDER BY id LIMIT 1""")) {
            query.setString(1, draft.canonicalUrl());
            query.setBytes(2, draft.contentHash());
            query.setString(3, draft.externalId());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /**
     * The source's id, created on first use. Country (from the domain's country code) and language
     * (from its first article that names one) are filled in where still unknown.
     */
    public long sourceId(String name, String domain, String language) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     INSERT INTO ingest.sources (name, domain, country, language) VALUES (?, ?, ?, ?)
                     ON CONFLICT (name) DO UPDATE SET
                         domain = COALESCE(ingest.sources.domain, EXCLUDED.domain),
                         country = COALESCE(ingest.sources.country, EXCLUDED.country),
                         language = COALESCE(ingest.sources.language, EXCLUDED.language)
                     RETURNING id""")) {
            upsert.setString(1, name);
            upsert.setString(2, domain);
            upsert.setString(3, SourceCountry.of(domain));
            upsert.setString(4, language);
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
