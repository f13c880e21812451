package org.newslens.ingest.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The SQL that writes articles, their sources and their enrichment jobs, a batch at a time: a fixed
 * number of round trips per batch, however many articles it holds. It runs inside the caller's transaction; the unique
 * constraints on canonical URL, content hash and external id decide what is a duplicate, so
 * concurrent posts of one article store it once.
 */
@ApplicationScoped
public class ArticleStore {

    /** Stored articles considered per LSH band key: the earliest ones, where a key is very common. */
    private static final int CANDIDATES_PER_BAND_KEY = 50;

    private final AgroalDataSource dataSource;

    ArticleStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An article to insert under a reserved id. */
    public record ArticleRow(long id, ArticleDraft draft, Long sourceId, Long nearDuplicateOf) {
    }

    /**
     * The ids of the drafts' sources by name, each created on first use. Country (from the domain's
     * country code) and language (from its first article that names one) are filled in where still
     * unknown. Sources that gain nothing are only read, so concurrent batches do not queue on their rows.
     */
    public Map<String, Long> sourceIds(List<ArticleDraft> drafts) throws SQLException {
        Map<String, ArticleDraft> wanted = new TreeMap<>();
        for (ArticleDraft draft : drafts) {
            if (draft.sourceName() != null) {
                wanted.putIfAbsent(draft.sourceName(), draft);
            }
        }
        Map<String, Long> ids = new HashMap<>();
        if (wanted.isEmpty()) {
            return ids;
        }
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, name, domain, country, language FROM ingest.sources WHERE name = ANY (?)")) {
                query.setArray(1, connection.createArrayOf("text", wanted.keySet().toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ArticleDraft draft = wanted.get(rows.getString(2));
                        boolean complete = (rows.getString(3) != null || draft.sourceDomain() == null)
                                && (rows.getString(4) != null || SourceCountry.of(draft.sourceDomain()) == null)
                                && (rows.getString(5) != null || draft.language() == null);
                        if (complete) {
                            ids.put(rows.getString(2), rows.getLong(1));
                            wanted.remove(rows.getString(2));
                        }
                    }
                }
            }
            if (!wanted.isEmpty()) {
                upsertSources(connection, wanted, ids);
            }
        }
        return ids;
    }

    private static void upsertSources(Connection connection, Map<String, ArticleDraft> wanted, Map<String, Long> ids)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO ingest.sources (name, domain, country, language)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])
                ON CONFLICT (name) DO UPDATE SET
                    domain = COALESCE(ingest.sources.domain, EXCLUDED.domain),
                    country = COALESCE(ingest.sources.country, EXCLUDED.country),
                    language = COALESCE(ingest.sources.language, EXCLUDED.language)
                RETURNING id, name""")) {
            Collection<ArticleDraft> drafts = wanted.values();
            upsert.setArray(1, connection.createArrayOf("text", wanted.keySet().toArray()));
            upsert.setArray(2, connection.createArrayOf("text", drafts.stream().map(ArticleDraft::sourceDomain).toArray()));
            upsert.setArray(3, connection.createArrayOf("text",
                    drafts.stream().map(draft -> SourceCountry.of(draft.sourceDomain())).toArray()));
            upsert.setArray(4, connection.createArrayOf("text", drafts.stream().map(ArticleDraft::language).toArray()));
            try (ResultSet rows = upsert.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(2), rows.getLong(1));
                }
            }
        }
    }

    /** The stored articles sharing a canonical URL, normalised body or external id with one of the drafts. */
    public DuplicateKeys storedDuplicates(List<ArticleDraft> drafts) throws SQLException {
        DuplicateKeys stored = new DuplicateKeys();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT id, canonical_url, content_hash, external_id FROM ingest.articles
                     WHERE canonical_url = ANY (?) OR content_hash = ANY (?) OR external_id = ANY (?)""")) {
            query.setArray(1, connection.createArrayOf("text",
                    drafts.stream().map(ArticleDraft::canonicalUrl).filter(Objects::nonNull).toArray()));
            query.setArray(2, connection.createArrayOf("bytea", drafts.stream().map(ArticleDraft::contentHash).toArray(byte[][]::new)));
            query.setArray(3, connection.createArrayOf("text",
                    drafts.stream().map(ArticleDraft::externalId).filter(Objects::nonNull).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(2), rows.getBytes(3), rows.getString(4), rows.getLong(1));
                }
            }
        }
        return stored;
    }

    /**
     * Files into {@code index} the stored articles that share one of these LSH band keys (B-tree
     * lookups in ingest.article_lsh_bands), with their signatures, for up to
     * {@value #CANDIDATES_PER_BAND_KEY} articles per key.
     */
    public void loadNearDuplicateCandidates(long[] bandKeys, NearDuplicateIndex index) throws SQLException {
        if (bandKeys.length == 0) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT k.band_key, a.id, a.near_duplicate_of, a.minhash
                     FROM unnest(?::bigint[]) AS k (band_key)
                     CROSS JOIN LATERAL (SELECT article_id FROM ingest.article_lsh_bands b
                                         WHERE b.band_key = k.band_key ORDER BY article_id LIMIT ?) AS b
                     JOIN ingest.articles a ON a.id = b.article_id""")) {
            query.setArray(1, primitiveArray(connection, "bigint", bandKeys));
            query.setInt(2, CANDIDATES_PER_BAND_KEY);
            Map<Long, NearDuplicateIndex.Candidate> candidates = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(2);
                    NearDuplicateIndex.Candidate candidate = candidates.get(id);
                    if (candidate == null) {
                        long original = rows.getObject(3) == null ? id : rows.getLong(3);
                        Integer[] values = (Integer[]) rows.getArray(4).getArray();
                        candidate = new NearDuplicateIndex.Candidate(id, original,
                                Arrays.stream(values).mapToInt(Integer::intValue).toArray());
                        candidates.put(id, candidate);
                    }
                    index.add(rows.getLong(1), candidate);
                }
            }
        }
    }

    /** Takes {@code count} new article ids, in increasing order, for rows inserted later in this batch. */
    public long[] reserveArticleIds(int count) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT nextval(pg_get_serial_sequence('ingest.articles', 'id')) FROM generate_series(1, ?)")) {
            query.setInt(1, count);
            long[] ids = new long[count];
            try (ResultSet rows = query.executeQuery()) {
                for (int i = 0; rows.next(); i++) {
                    ids[i] = rows.getLong(1);
                }
            }
            Arrays.sort(ids);
            return ids;
        }
    }

    /**
     * Inserts the rows in order. A row is skipped when an article with its URL, body or external id was
     * committed meanwhile by a concurrent request.
     *
     * @return for each row, whether it was inserted
     */
    public boolean[] insertArticles(List<ArticleRow> articles) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO ingest.articles (id, source_id, url, canonical_url, title, text, language_hint, published_at,
                                                  content_hash, authors, external_id, lead_image_url, near_duplicate_of,
                                                  minhash)
                     OVERRIDING SYSTEM VALUE
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT DO NOTHING""")) {
            for (ArticleRow article : articles) {
                ArticleDraft draft = article.draft();
                insert.setLong(1, article.id());
                insert.setObject(2, article.sourceId(), Types.BIGINT);
                insert.setString(3, draft.url());
                insert.setString(4, draft.canonicalUrl());
                insert.setString(5, draft.title());
                insert.setString(6, draft.text());
                insert.setString(7, draft.language());
                insert.setTimestamp(8, draft.publishedAt() == null ? null : Timestamp.from(draft.publishedAt()));
                insert.setBytes(9, draft.contentHash());
                insert.setArray(10, connection.createArrayOf("text", draft.authors().toArray()));
                insert.setString(11, draft.externalId());
                insert.setString(12, draft.leadImageUrl());
                insert.setObject(13, article.nearDuplicateOf(), Types.BIGINT);
                insert.setArray(14, draft.signature() == null ? null : primitiveArray(connection, "integer", draft.signature().values()));
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            boolean[] inserted = new boolean[counts.length];
            IntStream.range(0, counts.length).forEach(i -> inserted[i] = counts[i] > 0);
            return inserted;
        }
    }

    /** Files the articles under their LSH band keys, so later near-duplicates of them are found. */
    public void insertBandKeys(List<ArticleRow> articles) throws SQLException {
        List<ArticleRow> signed = articles.stream().filter(article -> article.draft().signature() != null).toList();
        if (signed.isEmpty()) {
            return;
        }
        int keysPerArticle = MinHasher.BANDS;
        long[] bandKeys = new long[signed.size() * keysPerArticle];
        long[] articleIds = new long[bandKeys.length];
        for (int i = 0; i < signed.size(); i++) {
            System.arraycopy(signed.get(i).draft().signature().bandKeys(), 0, bandKeys, i * keysPerArticle, keysPerArticle);
            Arrays.fill(articleIds, i * keysPerArticle, (i + 1) * keysPerArticle, signed.get(i).id());
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO ingest.article_lsh_bands (band_key, article_id)
                     SELECT * FROM unnest(?::bigint[], ?::bigint[]) AS k (band_key, article_id) ORDER BY band_key
                     ON CONFLICT DO NOTHING""")) {
            insert.setArray(1, primitiveArray(connection, "bigint", bandKeys));
            insert.setArray(2, primitiveArray(connection, "bigint", articleIds));
            insert.executeUpdate();
        }
    }

    /**
     * Queues the articles for nlp-service (its queue table, see nlp-service's migrations; a job reads its article from here).
     * Each job carries the current trace context, so all the articles of one request are enriched within its trace.
     */
    public void insertEnrichmentJobs(List<ArticleRow> articles) throws SQLException {
        if (articles.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO nlp.jobs (article_id, traceparent) SELECT unnest(?::bigint[]), ?")) {
            insert.setArray(1, primitiveArray(connection, "bigint", articles.stream().mapToLong(ArticleRow::id).toArray()));
            insert.setString(2, TraceParent.current());
            insert.executeUpdate();
        }
    }

    /** An SQL array of a primitive Java array, sent without boxing each element. */
    private static Array primitiveArray(Connection connection, String type, Object values) throws SQLException {
        return connection.unwrap(PGConnection.class).createArrayOf(type, values);
    }
}
