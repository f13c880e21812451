package org.newslens.query.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.newslens.query.db.SnapshotReads;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one article and its annotations from PostgreSQL, the source of truth (not the index). */
@ApplicationScoped
public class ArticleReader {

    private static final String ARTICLE = """
            SELECT a.id, a.title, a.text, a.url, a.published_at, s.name AS source,
                   coalesce(e.language, a.language_hint) AS language
              FROM ingest.articles a
              LEFT JOIN ingest.sources s ON s.id = a.source_id
              LEFT JOIN nlp.enrichments e ON e.article_id = a.id
             WHERE a.id = ?""";

    private static final String MENTIONS = """
            SELECT en.id, en.type, en.canonical, m.start_offset, m.end_offset, m.surface,
                   ARRAY(SELECT al.alias FROM nlp.entity_aliases al
                          WHERE al.entity_id = en.id ORDER BY al.alias) AS aliases
              FROM nlp.mentions m
              JOIN nlp.entities en ON en.id = m.entity_id
             WHERE m.article_id = ?
             ORDER BY m.start_offset""";

    private final SnapshotReads snapshots;

    ArticleReader(SnapshotReads snapshots) {
        this.snapshots = snapshots;
    }

    /** The article with this id; empty when there is none, including when {@code id} is not a number. */
    public Optional<ArticleDetail> find(String id) throws SQLException {
        if (id == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        // one snapshot, so the mentions' offsets belong to the text read with them
        return snapshots.read(connection -> read(connection, Long.parseLong(id)));
    }

    private static Optional<ArticleDetail> read(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ARTICLE)) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp published = rs.getTimestamp("published_at");
                return Optional.of(new ArticleDetail(id, rs.getString("title"), rs.getString("text"),
                        rs.getString("url"), published == null ? null : published.toInstant(),
                        rs.getString("source"), rs.getString("language"), entities(connection, id)));
            }
        }
    }

    /** Entities most mentioned first, ties in order of first mention. */
    private static List<ArticleDetail.Entity> entities(Connection connection, long articleId) throws SQLException {
        Map<Long, ArticleDetail.Entity> byId = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(MENTIONS)) {
            statement.setLong(1, articleId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long entityId = rs.getLong("id");
                    ArticleDetail.Entity entity = byId.get(entityId);
                    if (entity == null) {
                        entity = new ArticleDetail.Entity(entityId, rs.getString("canonical"), rs.getString("type"),
                                Arrays.asList((String[]) rs.getArray("aliases").getArray()), new ArrayList<>());
                        byId.put(entityId, entity);
                    }
                    entity.mentions().add(new ArticleDetail.Mention(rs.getString("surface"),
                            rs.getInt("start_offset"), rs.getInt("end_offset")));
                }
            }
        }
        List<ArticleDetail.Entity> entities = new ArrayList<>(byId.values());
        entities.sort(Comparator.comparingInt((ArticleDetail.Entity e) -> -e.mentions().size()));
        return entities;
    }
}
