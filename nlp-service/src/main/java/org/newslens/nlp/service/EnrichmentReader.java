package org.newslens.nlp.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.newslens.nlp.domain.StoredEnrichment;
import org.newslens.nlp.domain.StoredEnrichment.StoredEntity;
import org.newslens.nlp.domain.StoredEnrichment.StoredMention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads an article's stored enrichment back in the shape the analyze endpoint answers with. */
@ApplicationScoped
public class EnrichmentReader {

    private final AgroalDataSource dataSource;

    EnrichmentReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredEnrichment> find(long articleId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT pipeline_version, language, stages, enriched_at, analysis::text
                     FROM nlp.enrichments WHERE article_id = ?""")) {
            query.setLong(1, articleId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                AnalysisJson.Stored analysis = AnalysisJson.read(rows.getString(5));
                List<StoredEntity> entities = entities(connection, articleId, analysis);
                return Optional.of(new StoredEnrichment(articleId, rows.getInt(1), rows.getString(2),
                        Arrays.asList((String[]) rows.getArray(3).getArray()), rows.getObject(4, OffsetDateTime.class),
                        entities, analysis.keyphrases(), analysis.summary(), analysis.tone(), analysis.sentenceTones(),
                        analysis.framing(), analysis.quotes(), analysis.quantities()));
            }
        }
    }

    /** In order of first mention, as the analyze endpoint lists them; aliases are the distinct surfaces, sorted. */
    private static List<StoredEntity> entities(Connection connection, long articleId, AnalysisJson.Stored analysis)
            throws SQLException {
        Map<Long, EntityRows> byId = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT e.id, e.canonical, e.type, e.kb_id, m.surface, m.start_offset, m.end_offset,
                       EXISTS (SELECT 1 FROM nlp.entity_aliases a WHERE a.entity_id = e.id AND a.alias = m.surface)
                FROM nlp.mentions m JOIN nlp.entities e ON e.id = m.entity_id
                WHERE m.article_id = ? ORDER BY m.start_offset""")) {
            query.setLong(1, articleId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    EntityRows entity = byId.computeIfAbsent(rows.getLong(1), id -> new EntityRows());
                    entity.canonical = rows.getString(2);
                    entity.type = rows.getString(3);
                    entity.kbId = rows.getString(4);
                    StoredMention mention = new StoredMention(rows.getString(5), rows.getInt(6), rows.getInt(7));
                    entity.mentions.add(mention);
                    if (rows.getBoolean(8)) {
                        entity.aliases.add(mention.text());
                    }
                }
            }
        }
        List<StoredEntity> entities = new ArrayList<>();
        byId.forEach((id, e) -> entities.add(new StoredEntity(id, e.canonical, e.type, e.kbId, List.copyOf(e.aliases),
                List.copyOf(e.mentions), analysis.entityTone(e.canonical, e.type))));
        return entities;
    }

    private static final class EntityRows {
        String canonical;
        String type;
        String kbId;
        final Set<String> aliases = new TreeSet<>();
        final List<StoredMention> mentions = new ArrayList<>();
    }
}
