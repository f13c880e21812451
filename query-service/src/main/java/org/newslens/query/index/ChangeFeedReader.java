package org.newslens.query.index;

import jakarta.enterprise.context.ApplicationScoped;

import org.newslens.query.db.SnapshotReads;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads nlp-service's change feed: finished enrichments in change_seq order, joined to ingest's article
 * and source, with the entities each article mentions. change_seq order is commit order, so reading
 * {@code change_seq > last} never skips a late commit. All SQL the indexer runs is here.
 */
@ApplicationScoped
public class ChangeFeedReader {

    private static final String CHANGES = """
            SELECT e.change_seq, e.article_id, a.id IS NOT NULL AS article_found,
                   a.title, a.text, a.url, coalesce(e.language, a.language_hint) AS language,
                   a.published_at, s.name AS source, a.authors,
                   a.near_duplicate_of IS NOT NULL AS near_duplicate, e.analysis::text AS analysis,
                   e.traceparent
              FROM nlp.enrichments e
              LEFT JOIN ingest.articles a ON a.id = e.article_id
              LEFT JOIN ingest.sources s ON s.id = a.source_id
             WHERE e.change_seq > ?
             ORDER BY e.change_seq
             LIMIT ?""";

    private static final String ENTITIES = """
            SELECT m.article_id, en.id, en.type, en.canonical, count(*) AS mentions,
                   ARRAY(SELECT al.alias FROM nlp.entity_aliases al
                          WHERE al.entity_id = en.id ORDER BY al.alias) AS aliases
              FROM nlp.mentions m
              JOIN nlp.entities en ON en.id = m.entity_id
             WHERE m.article_id = ANY (?)
             GROUP BY m.article_id, en.id, en.type, en.canonical
             ORDER BY m.article_id, mentions DESC, min(m.start_offset)""";

    /** nlp.embeddings arrived after the first feed readers: until it exists, articles have no vectors. */
    private static final String HAS_EMBEDDINGS = "SELECT to_regclass('nlp.embeddings') IS NOT NULL";

    private static final String EMBEDDINGS = "SELECT article_id, vector FROM nlp.embeddings WHERE article_id = ANY (?)";

    private static final String LATEST = "SELECT coalesce(max(change_seq), 0) FROM nlp.enrichments";

    private static final String FIRST_TEXTS = """
            SELECT concat_ws(' ', a.title, a.text)
              FROM nlp.enrichments e
              JOIN ingest.articles a ON a.id = e.article_id
             ORDER BY e.change_seq
             LIMIT ?""";

    private final SnapshotReads snapshots;

    public ChangeFeedReader(SnapshotReads snapshots) {
        this.snapshots = snapshots;
    }

    /** The newest change_seq in the feed; 0 when nothing has been enriched yet. */
    public long latestSeq() throws SQLException {
        try (Connection connection = snapshots.connection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(LATEST)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Title and text of the first {@code limit} articles in the feed (fewer when it holds fewer). */
    public List<String> firstArticleTexts(int limit) throws SQLException {
        return snapshots.read(connection -> {
            List<String> texts = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(FIRST_TEXTS)) {
                statement.setInt(1, limit);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        texts.add(rs.getString(1));
                    }
                }
            }
            return texts;
        });
    }

    /** Up to {@code limit} changes after {@code afterSeq}, read from one consistent snapshot. */
    public ChangeBatch readAfter(long afterSeq, int limit) throws SQLException {
        return snapshots.read(connection -> read(connection, afterSeq, limit));
    }

    private ChangeBatch read(Connection connection, long afterSeq, int limit) throws SQLException {
        List<ArticleRow> rows = new ArrayList<>();
        long lastSeq = afterSeq;
        try (PreparedStatement statement = connection.prepareStatement(CHANGES)) {
            statement.setLong(1, afterSeq);
            statement.setInt(2, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    lastSeq = rs.getLong("change_seq");
                    // an enrichment whose article is gone has nothing to show; its seq still counts as read
                    if (rs.getBoolean("article_found")) {
                        rows.add(ArticleRow.of(rs));
                    }
                }
            }
        }
        if (lastSeq == afterSeq) {
            return ChangeBatch.nothingAfter(afterSeq);
        }
        Map<Long, List<IndexedEntity>> entities = entitiesOf(connection, rows);
        Map<Long, float[]> embeddings = embeddingsOf(connection, rows);
        List<ArticleDocument> articles = rows.stream()
                .map(row -> row.toDocument(entities.getOrDefault(row.id(), List.of()), embeddings.get(row.id())))
                .toList();
        Map<Long, String> traceparents = new HashMap<>();
        rows.stream().filter(row -> row.traceparent() != null).forEach(row -> traceparents.put(row.id(), row.traceparent()));
        return new ChangeBatch(articles, lastSeq, false, traceparents);
    }

    private static Map<Long, List<IndexedEntity>> entitiesOf(Connection connection, List<ArticleRow> rows)
            throws SQLException {
        Map<Long, List<IndexedEntity>> byArticle = new HashMap<>();
        if (rows.isEmpty()) {
            return byArticle;
        }
        Array ids = connection.createArrayOf("bigint", rows.stream().map(ArticleRow::id).toArray(Long[]::new));
        try (PreparedStatement statement = connection.prepareStatement(ENTITIES)) {
            statement.setArray(1, ids);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String[] aliases = (String[]) rs.getArray("aliases").getArray();
                    byArticle.computeIfAbsent(rs.getLong("article_id"), id -> new ArrayList<>())
                            .add(new IndexedEntity(rs.getLong("id"), rs.getString("type"), rs.getString("canonical"),
                                    Arrays.asList(aliases), rs.getInt("mentions")));
                }
            }
        }
        return byArticle;
    }

    private static Map<Long, float[]> embeddingsOf(Connection connection, List<ArticleRow> rows) throws SQLException {
        Map<Long, float[]> byArticle = new HashMap<>();
        if (rows.isEmpty() || !embeddingsExist(connection)) {
            return byArticle;
        }
        Array ids = connection.createArrayOf("bigint", rows.stream().map(ArticleRow::id).toArray(Long[]::new));
        try (PreparedStatement statement = connection.prepareStatement(EMBEDDINGS)) {
            statement.setArray(1, ids);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Float[] boxed = (Float[]) rs.getArray("vector").getArray();
                    float[] vector = new float[boxed.length];
                    for (int i = 0; i < boxed.length; i++) {
                        vector[i] = boxed[i];
                    }
                    byArticle.put(rs.getLong("article_id"), vector);
                }
            }
        }
        return byArticle;
    }

    private static boolean embeddingsExist(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(HAS_EMBEDDINGS)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private record ArticleRow(long id, String title, String text, String url, String source, String language,
                              Timestamp publishedAt, List<String> authors, boolean nearDuplicate, String analysis,
                              String traceparent) {

        static ArticleRow of(ResultSet rs) throws SQLException {
            Array authors = rs.getArray("authors");
            return new ArticleRow(rs.getLong("article_id"), rs.getString("title"), rs.getString("text"),
                    rs.getString("url"), rs.getString("source"), rs.getString("language"),
                    rs.getTimestamp("published_at"),
                    authors == null ? List.of() : Arrays.asList((String[]) authors.getArray()),
                    rs.getBoolean("near_duplicate"), rs.getString("analysis"), rs.getString("traceparent"));
        }

        ArticleDocument toDocument(List<IndexedEntity> entities, float[] embedding) {
            return new ArticleDocument(id, title, text, url, source, language,
                    publishedAt == null ? null : publishedAt.toInstant(), entities, authors, nearDuplicate,
                    ArticleAnalysis.parse(analysis), embedding);
        }
    }
}
