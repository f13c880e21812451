package org.newslens.query.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import org.newslens.query.db.SnapshotReads;
import org.newslens.query.index.ArticleFields;
import org.newslens.query.search.FacetValue;
import org.newslens.query.search.SearchBackend;
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
 * Builds an entity's page: mentions per day and tone toward it per day (nlp-service's entityTones, with
 * evidence spans) from PostgreSQL in one snapshot; the entities mentioned with it and the sources that
 * mention it most from the search index's facets over the articles that mention it, which counts a popular
 * entity's hundred thousand articles in milliseconds. Days are UTC days of publication, else of ingestion.
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SnapshotReads snapshots;
    private final EntityDirectory directory;
    private final SearchBackend index;

    EntityProfileReader(SnapshotReads snapshots, EntityDirectory directory, SearchBackend index) {
        this.snapshots = snapshots;
        this.directory = directory;
        this.index = index;
    }

    public Optional<EntityProfile> find(long id) throws SQLException {
        Optional<EntitySummaryRow> entity = directory.get(id);
        if (entity.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<FacetValue>> facets = index.facetsOfEntity(id, List.of(ArticleFields.ENTITY, ArticleFields.SOURCE), TOP + 1);
        List<EntityProfile.CoOccurrence> coOccurring = facets.get(ArticleFields.ENTITY).stream()
                .filter(other -> other.id() != id)
                .limit(TOP)
                .map(other -> new EntityProfile.CoOccurrence(other.id(), other.value(), other.type(), other.count()))
                .toList();
        List<EntityProfile.SourceCount> sources = facets.get(ArticleFields.SOURCE).stream()
                .limit(TOP)
                .map(source -> new EntityProfile.SourceCount(source.value(), source.count()))
                .toList();
        return snapshots.read(connection -> Optional.of(new EntityProfile(entity.get(), mentions(connection, id),
                coOccurring, tones(connection, entity.get()), sources)));
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
