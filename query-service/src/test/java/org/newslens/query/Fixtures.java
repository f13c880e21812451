package org.newslens.query;

import com.fasterxml.jackson.databind.JsonNode;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    /** Sets the entity's knowledge-base id (nlp.entities.kb_id). */
    public void kbId(long entityId, String kbId) throws SQLException {
        execute("UPDATE nlp.entities SET kb_id = ? WHERE id = ?", kbId, entityId);
    }

    /** Stores (or replaces) the article's enrichment and mentions in one transaction; returns its change_seq. */
    public long enrich(long articleId, String language, Mention... mentions) throws SQLException {
        return enrich(articleId, language, null, null, mentions);
    }

    /**
     * Also stores the analysis JSON (nlp.enrichments.analysis, as nlp-service's AnalysisJson writes it;
     * null for none) and the embedding (null for none), as nlp-service does in the same transaction.
     */
    public long enrich(long articleId, String language, String analysis, float[] vector, Mention... mentions)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(ownerUrl)) {
            connection.setAutoCommit(false);
            String text = queryString(connection, "SELECT text FROM ingest.articles WHERE id = ?", articleId);
            update(connection, "DELETE FROM nlp.mentions WHERE article_id = ?", articleId);
            long seq = Long.parseLong(queryString(connection,
                    "UPDATE nlp.change_feed SET last_seq = last_seq + 1 RETURNING last_seq::text"));
            update(connection, """
                    INSERT INTO nlp.enrichments (article_id, change_seq, pipeline_version, language, stages, analysis)
                    VALUES (?, ?, 1, ?, ARRAY['ner'], ?::jsonb)
                    ON CONFLICT (article_id) DO UPDATE
                    SET change_seq = EXCLUDED.change_seq, language = EXCLUDED.language, enriched_at = now(),
                        analysis = EXCLUDED.analysis""",
                    articleId, seq, language, analysis);
            update(connection, "DELETE FROM nlp.embeddings WHERE article_id = ?", articleId);
            if (vector != null) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO nlp.embeddings (article_id, model, vector) VALUES (?, 'all-minilm-l6-v2-q', ?)")) {
                    statement.setLong(1, articleId);
                    Float[] boxed = new Float[vector.length];
                    for (int i = 0; i < vector.length; i++) {
                        boxed[i] = vector[i];
                    }
                    statement.setArray(2, connection.createArrayOf("real", boxed));
                    statement.executeUpdate();
                }
            }
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

    /** Records the trace context of the article's enrichment, as nlp-service writes it (nlp.enrichments.traceparent). */
    public void traceparent(long articleId, String traceparent) throws SQLException {
        execute("UPDATE nlp.enrichments SET traceparent = ? WHERE article_id = ?", traceparent, articleId);
    }

    /** Sets ingest's V3 columns: the article's authors and the article it nearly duplicates (or null). */
    public void byline(long articleId, Long nearDuplicateOf, String... authors) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ownerUrl);
             PreparedStatement statement = connection.prepareStatement(
                     "UPDATE ingest.articles SET authors = ?, near_duplicate_of = ? WHERE id = ?")) {
            statement.setArray(1, connection.createArrayOf("text", authors));
            statement.setObject(2, nearDuplicateOf);
            statement.setLong(3, articleId);
            statement.executeUpdate();
        }
    }

    /** A 384-dimension unit vector pointing along {@code dimension}. */
    public static float[] unitVector(int dimension) {
        float[] vector = new float[384];
        vector[dimension] = 1f;
        return vector;
    }

    /** A 384-dimension unit vector between two axes: {@code weight} along the first, the rest along the second. */
    public static float[] blend(int first, int second, double weight) {
        float[] vector = new float[384];
        double norm = Math.sqrt(weight * weight + (1 - weight) * (1 - weight));
        vector[first] = (float) (weight / norm);
        vector[second] = (float) ((1 - weight) / norm);
        return vector;
    }

    /** An entity's tone in an analysis, with one word of evidence. */
    public record EntityTone(String canonical, String type, double score, String evidence) {
    }

    /** A quantity in an analysis: "300 protesters" → 300, noun "protesters". */
    public record Quantity(String text, double value, String noun) {
    }

    /**
     * Analysis JSON in nlp-service's stored shape (copied from its golden documents, see
     * {@link AnalysisTemplate}) with the given tone, framing categories and keyphrases, and no quotes,
     * quantities or entity tones.
     */
    public static String analysis(double tone, String label, List<String> framing, List<String> keyphrases) {
        return analysis(tone, label, framing, keyphrases, List.of(), List.of());
    }

    /** As above, with entity tones and quantities. */
    public static String analysis(double tone, String label, List<String> framing, List<String> keyphrases,
                                  List<EntityTone> entityTones, List<Quantity> quantities) {
        return AnalysisTemplate.of(tone, label, framing, keyphrases, entityTones, quantities);
    }

    /**
     * Stores a golden article ({@link GoldenAnalyses}) from {@code sourceId} with its analysis exactly as
     * nlp-service stored it, its entity tones' entities mentioned wherever their names occur, and returns its id.
     */
    public long golden(Long sourceId, GoldenAnalyses.Golden golden, Instant publishedAt) throws SQLException {
        long id = article(sourceId, golden.title(), golden.text(), "https://golden.example/" + golden.name(),
                golden.languageHint(), publishedAt);
        List<Mention> mentions = new ArrayList<>();
        for (JsonNode tone : golden.json().path("entityTones")) {
            String canonical = tone.path("canonical").asText();
            mentions.add(new Mention(entity(tone.path("type").asText(), canonical), canonical));
        }
        enrich(id, golden.languageHint(), golden.analysis(), null, mentions.toArray(Mention[]::new));
        return id;
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
