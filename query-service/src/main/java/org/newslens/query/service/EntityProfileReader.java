package org.newslens.query.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import org.newslens.query.db.SnapshotReads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds an entity's page from PostgreSQL in one snapshot: mentions per day, co-occurring entities,
 * tone toward it per day (nlp-service's entityTones, with evidence spans) and the sources that mention
 * it most. Days are UTC days of publication, else of ingestion.
 */
@ApplicationScoped
public class EntityProfileReader {

    static final int TOP = 20;
    static final int EVIDENCE_PER_DAY = 3;

    private static final String DAY = "(coalesce(a.published_at, a.ingested_at) AT TIME ZONE 'UTC')::date::text ";

    private static final String MENTIONS = "SELECT " + DAY + """
             AS day, count(*) AS mentions, count(DISTINCT m.article_id) AS articles
              FROM nlp.mentions m JOIN ingest.articles a ON a.id = m.article_id
             WHERE m.entity_id = ?
             GROUP BY 1 ORDER BY 1""";

    private static final String CO_OCCURRING = """
            SELECT o.id, o.canonical, o.type, count(DISTINCT other.article_id) AS articles
              FROM (SELECT DISTINCT article_id FROM nlp.mentions WHERE entity_id = ?) mine
              JOIN nlp.mentions other ON other.article_id = mine.article_id AND other.entity_id <> ?
              JOIN nlp.entities o ON o.id = other.entity_id
             GROUP BY o.id, o.canonical, o.type
             ORDER BY articles DESC, o.canonical
             LIMIT ?""";

    private static final String TONES = "SELECT " + DAY + """
             AS day, en.article_id, t.value -> 'tone' AS tone
              FROM nlp.enrichments en
              JOIN ingest.articles a ON a.id = en.article_id
              CROSS JOIN LATERAL jsonb_array_elements(
                   CASE WHEN jsonb_typeof(en.analysis -> 'entityTones') = 'array' THEN en.analysis -> 'entityTones'
                        ELSE '[]'::jsonb END) t
             WHERE t.value ->> 'canonical' = ? AND t.value ->> 'type' = ?
               AND en.article_id IN (SELECT article_id FROM nlp.mentions WHERE entity_id = ?)
             ORDER BY 1, en.article_id""";

    private static final String SOURCES = """
            SELECT s.name, count(DISTINCT m.article_id) AS articles
              FROM nlp.mentions m
              JOIN ingest.articles a ON a.id = m.article_id
              JOIN ingest.sources s ON s.id = a.source_id
             WHERE m.entity_id = ?
             GROUP BY s.name ORDER BY articles DESC, s.name
             LIMIT ?""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnapshotReads snapshots;
    private final EntityDirectory directory;

    EntityProfileReader(SnapshotReads snapshots, EntityDirectory directory) {
        this.snapshots = snapshots;
        this.directory = directory;
    }

    public Optional<EntityProfile> find(long id) throws SQLException {
        Optional<EntitySummaryRow> entity = directory.get(id);
        if (entity.isEmpty()) {
            return Optional.empty();
        }
        return snapshots.read(connection -> Optional.of(new EntityProfile(entity.get(), mentions(connection, id),
                coOccurring(connection, id), tones(connection, entity.get()), sources(connection, id))));
    }

    private static List<EntityProfile.DailyMentions> mentions(Connection connection, long id) throws SQLException {
        List<EntityProfile.DailyMentions> days = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(MENTIONS)) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    days.add(new EntityProfile.DailyMentions(LocalDate.parse(rs.getString("day")),
                            rs.getLong("mentions"), rs.getLong("articles")));
                }
            }
        }
        return days;
    }

    private static List<EntityProfile.CoOccurrence> coOccurring(Connection connection, long id) throws SQLException {
        List<EntityProfile.CoOccurrence> others = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CO_OCCURRING)) {
            statement.setLong(1, id);
            statement.setLong(2, id);
            statement.setInt(3, TOP);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    others.add(new EntityProfile.CoOccurrence(rs.getLong("id"), rs.getString("canonical"),
                            rs.getString("type"), rs.getLong("articles")));
                }
            }
        }
        return others;
    }

    private static List<EntityProfile.DailyTone> tones(Connection connection, EntitySummaryRow entity) throws SQLException {
        Map<LocalDate, ToneDay> days = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(TONES)) {
            statement.setString(1, entity.canonical());
            statement.setString(2, entity.type());
            statement.setLong(3, entity.id());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    days.computeIfAbsent(LocalDate.parse(rs.getString("day")), d -> new ToneDay())
                            .add(rs.getLong("article_id"), parse(rs.getString("tone")));
                }
            }
        }
        List<EntityProfile.DailyTone> tones = new ArrayList<>();
        days.forEach((day, sums) -> {
            if (sums.articles > 0) {
                tones.add(new EntityProfile.DailyTone(day, Math.round(sums.total / sums.articles * 1000) / 1000.0,
                        sums.articles, sums.evidence));
            }
        });
        return tones;
    }

    private static List<EntityProfile.SourceCount> sources(Connection connection, long id) throws SQLException {
        List<EntityProfile.SourceCount> sources = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SOURCES)) {
            statement.setLong(1, id);
            statement.setInt(2, TOP);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sources.add(new EntityProfile.SourceCount(rs.getString("name"), rs.getLong("articles")));
                }
            }
        }
        return sources;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json == null ? "null" : json);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored entity tone is not JSON", e);
        }
    }

    private static final class ToneDay {
        final List<EntityProfile.Evidence> evidence = new ArrayList<>();
        double total;
        long articles;

        void add(long articleId, JsonNode tone) {
            if (!tone.path("score").isNumber()) {
                return;
            }
            total += tone.path("score").asDouble();
            articles++;
            for (JsonNode span : tone.path("evidence")) {
                if (evidence.size() < EVIDENCE_PER_DAY) {
                    evidence.add(new EntityProfile.Evidence(articleId, span.path("text").asText(),
                            span.path("start").asInt(), span.path("end").asInt(), span.path("weight").asDouble()));
                }
            }
        }
    }
}
