package org.newslens.nlp.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.newslens.nlp.config.NlpConfig;
import org.newslens.nlp.domain.Job;
import org.newslens.nlp.pipeline.Document;
import org.newslens.nlp.pipeline.Entity;
import org.newslens.nlp.pipeline.Findings.TextEmbedding;
import org.newslens.nlp.pipeline.Mention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores one article's enrichment, with its mentions and embedding, and completes its job, all in one
 * transaction. Completing the job comes first and only while the worker still holds its lease (owner
 * and token match): otherwise nothing is written, so an article whose lease ran out and was taken over
 * is never enriched twice. That first update also locks the job row to commit, so no claim can take
 * the job over while its enrichment is being written. Entities are written in one global order and without row locks (insert-if-absent, then read), so concurrent
 * workers never deadlock; the change-feed sequence is taken last, so that its row lock, held to
 * commit, makes sequence order equal commit order for the readers tailing it.
 */
@ApplicationScoped
public class EnrichmentWriter {

    private final AgroalDataSource dataSource;
    private final int pipelineVersion;

    EnrichmentWriter(AgroalDataSource dataSource, NlpConfig config) {
        this.dataSource = dataSource;
        this.pipelineVersion = config.pipelineVersion();
    }

    /**
     * @param traceparent the enrichment's trace context, stored for the indexer to continue (null for none)
     * @return the change-feed sequence number of this enrichment
     * @throws LeaseLostException when another worker holds the job now; nothing is written
     */
    @Transactional(rollbackOn = Exception.class)
    public long write(Job job, Document document, String traceparent) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            markDoneWhileLeased(connection, job);
            List<Entity> entities = document.entities().stream()
                    .sorted(Comparator.comparing((Entity e) -> e.type().name()).thenComparing(Entity::canonical))
                    .toList();
            Map<Entity, Long> ids = entityIds(connection, entities);
            insertAliases(connection, entities, ids);
            long sequence = nextSequence(connection);
            upsertEnrichment(connection, job.articleId(), sequence, document, traceparent);
            replaceEmbedding(connection, job.articleId(), document.embedding());
            replaceMentions(connection, job.articleId(), entities, ids);
            return sequence;
        }
    }

    private static Map<Entity, Long> entityIds(Connection connection, List<Entity> entities) throws SQLException {
        Map<Entity, Long> ids = new HashMap<>();
        try (PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO nlp.entities (type, canonical, kb_id) VALUES (?, ?, ?) ON CONFLICT (type, canonical) DO NOTHING");
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id FROM nlp.entities WHERE type = ? AND canonical = ?")) {
            for (Entity entity : entities) {
                insert.setString(1, entity.type().name());
                insert.setString(2, entity.canonical());
                insert.setString(3, entity.kbId());
                insert.executeUpdate();
                select.setString(1, entity.type().name());
                select.setString(2, entity.canonical());
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    ids.put(entity, rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void insertAliases(Connection connection, List<Entity> entities, Map<Entity, Long> ids)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO nlp.entity_aliases (entity_id, alias) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (Entity entity : entities) {
                for (String alias : entity.aliases()) {
                    insert.setLong(1, ids.get(entity));
                    insert.setString(2, alias);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static long nextSequence(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE nlp.change_feed SET last_seq = last_seq + 1 RETURNING last_seq");
             ResultSet rows = update.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void upsertEnrichment(Connection connection, long articleId, long sequence, Document document,
                                  String traceparent) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO nlp.enrichments (article_id, change_seq, pipeline_version, language, stages, analysis,
                                             traceparent, enriched_at)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, now())
                ON CONFLICT (article_id) DO UPDATE SET
                    change_seq = EXCLUDED.change_seq, pipeline_version = EXCLUDED.pipeline_version,
                    language = EXCLUDED.language, stages = EXCLUDED.stages, analysis = EXCLUDED.analysis,
                    traceparent = EXCLUDED.traceparent, enriched_at = EXCLUDED.enriched_at""")) {
            upsert.setLong(1, articleId);
            upsert.setLong(2, sequence);
            upsert.setInt(3, pipelineVersion);
            upsert.setString(4, document.language());
            upsert.setArray(5, connection.createArrayOf("text", document.stagesRun().toArray()));
            upsert.setString(6, AnalysisJson.of(document));
            upsert.setString(7, traceparent);
            upsert.executeUpdate();
        }
    }

    private static void replaceEmbedding(Connection connection, long articleId, TextEmbedding embedding)
            throws SQLException {
        if (embedding == null) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM nlp.embeddings WHERE article_id = ?")) {
                delete.setLong(1, articleId);
                delete.executeUpdate();
            }
            return;
        }
        Float[] vector = new Float[embedding.dimensions()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = embedding.vector()[i];
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO nlp.embeddings (article_id, model, vector) VALUES (?, ?, ?)
                ON CONFLICT (article_id) DO UPDATE SET model = EXCLUDED.model, vector = EXCLUDED.vector""")) {
            upsert.setLong(1, articleId);
            upsert.setString(2, embedding.model());
            upsert.setArray(3, connection.createArrayOf("real", vector));
            upsert.executeUpdate();
        }
    }

    private static void replaceMentions(Connection connection, long articleId, List<Entity> entities,
                                        Map<Entity, Long> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM nlp.mentions WHERE article_id = ?");
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO nlp.mentions (article_id, entity_id, start_offset, end_offset, surface)
                     VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            delete.setLong(1, articleId);
            delete.executeUpdate();
            for (Entity entity : entities) {
                for (Mention mention : entity.mentions()) {
                    insert.setLong(1, articleId);
                    insert.setLong(2, ids.get(entity));
                    insert.setInt(3, mention.start());
                    insert.setInt(4, mention.end());
                    insert.setString(5, mention.text());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void markDoneWhileLeased(Connection connection, Job job) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE nlp.jobs SET status = 'done', lease_until = NULL, lease_owner = NULL, lease_token = NULL,
                                    last_error = NULL, updated_at = now()
                WHERE id = ? AND status = 'running' AND lease_owner = ? AND lease_token = ?""")) {
            update.setLong(1, job.id());
            update.setString(2, job.leaseOwner());
            update.setObject(3, job.leaseToken());
            if (update.executeUpdate() == 0) {
                throw new LeaseLostException(job.articleId());
            }
        }
    }
}
