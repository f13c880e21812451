package org.newslens.nlp.service;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.nlp.ModelsReady;
import org.newslens.nlp.PostgresTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class JobWorkersTest {

    private static final String TEXT = "Secretary Dana Okafor flew to Lisbon on Monday. Okafor met officials of the World Bank there.";

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void modelsLoaded() throws InterruptedException {
        ModelsReady.await();
    }

    @Inject
    ReenrichmentSweeper sweeper;

    @Inject
    InMemorySpanExporter recordedSpans;

    @Test
    void anArticleEnrichedByAnOlderPipelineIsEnrichedAgainBehindNewOnes() throws Exception {
        long articleId = newArticleId();
        insertJob(articleId, TEXT, "now()");
        given().post("/api/v1/jobs/wake").then().statusCode(202);
        await(() -> "done".equals(status(articleId)));
        execute("UPDATE nlp.enrichments SET pipeline_version = 0 WHERE article_id = " + articleId);
        long seqBefore = query("SELECT change_seq FROM nlp.enrichments WHERE article_id = " + articleId);

        sweeper.sweep();

        await(() -> query("SELECT pipeline_version FROM nlp.enrichments WHERE article_id = " + articleId) == 1);
        assertTrue(query("SELECT change_seq FROM nlp.enrichments WHERE article_id = " + articleId) > seqBefore,
                "the re-enrichment reaches the change feed");
        assertEquals(1, query("SELECT priority FROM nlp.jobs WHERE article_id = " + articleId));
        await(() -> "done".equals(status(articleId)));
    }

    @Test
    void aQueuedArticleIsEnrichedWithItsMentions() throws Exception {
        long articleId = newArticleId();
        insertJob(articleId, TEXT, "now()");
        long seqBefore = query("SELECT last_seq FROM nlp.change_feed");

        given().post("/api/v1/jobs/wake").then().statusCode(202);
        await(() -> "done".equals(status(articleId)));

        assertTrue(query("SELECT change_seq FROM nlp.enrichments WHERE article_id = " + articleId) > seqBefore);
        assertEquals(1, query("SELECT pipeline_version FROM nlp.enrichments WHERE article_id = " + articleId));
        assertEquals(1, query("SELECT count(*) FROM nlp.enrichments WHERE article_id = " + articleId
                + " AND language = 'en' AND stages[1:4] = ARRAY['language', 'ner', 'gazetteer', 'canonicalize']"
                + " AND analysis -> 'tone' IS NOT NULL AND jsonb_array_length(analysis -> 'keyphrases') > 0"));
        List<String[]> mentions = mentions(articleId);
        assertFalse(mentions.isEmpty());
        for (String[] mention : mentions) {
            assertEquals(mention[0], TEXT.substring(Integer.parseInt(mention[1]), Integer.parseInt(mention[2])));
        }
        assertEquals(1, query("SELECT count(*) FROM nlp.enrichments WHERE article_id = " + articleId
                + " AND stages[array_length(stages, 1)] = 'embedding'"));
        assertEquals(1, query("SELECT count(*) FROM nlp.embeddings WHERE article_id = " + articleId
                + " AND model = 'all-minilm-l6-v2-q' AND cardinality(vector) = 384"
                + " AND abs((SELECT sum(v::float8 * v) FROM unnest(vector) v) - 1) < 1e-4"));
        assertTrue(mentions.stream().anyMatch(m -> m[0].equals("Dana Okafor") && m[3].equals("Dana Okafor")));
        assertTrue(mentions.stream().anyMatch(m -> m[0].equals("Okafor") && m[3].equals("Dana Okafor")));
        assertEquals(1, query("SELECT count(*) FROM nlp.entity_aliases a JOIN nlp.entities e ON e.id = a.entity_id"
                + " WHERE e.type = 'PERSON' AND e.canonical = 'Dana Okafor' AND a.alias = 'Okafor'"));
    }

    @Test
    void theStoredEnrichmentIsServedAsTheAnalyzeResponseNamesIt() throws Exception {
        long articleId = newArticleId();
        insertJob(articleId, TEXT, "now()");

        given().post("/api/v1/jobs/wake").then().statusCode(202);
        await(() -> "done".equals(status(articleId)));

        var stored = given().get("/api/v1/articles/" + articleId + "/analysis")
                .then().statusCode(200).extract().jsonPath();
        var analyzed = given().contentType("application/json").body(Map.of("text", TEXT, "title", "A title", "language", "en"))
                .post("/api/v1/analyze").then().statusCode(200).extract().jsonPath();

        assertEquals(articleId, stored.getLong("articleId"));
        assertEquals(1, stored.getInt("pipelineVersion"));
        assertEquals("en", stored.getString("language"));
        assertEquals(analyzed.getList("stages"), stored.getList("stages"));
        assertNotNull(stored.getString("enrichedAt"));
        for (String field : List.of("keyphrases", "summary", "sentenceTones", "framing", "quotes", "quantities")) {
            assertEquals(analyzed.getList(field), stored.getList(field), field);
        }
        assertEquals(analyzed.getMap("tone"), stored.getMap("tone"));
        assertEquals(analyzed.getList("entities.canonical"), stored.getList("entities.canonical"));
        assertEquals(analyzed.getList("entities.aliases"), stored.getList("entities.aliases"));
        assertEquals(analyzed.getList("entities.mentions"), stored.getList("entities.mentions"));
        assertEquals(analyzed.getList("entities.tone"), stored.getList("entities.tone"));
        assertEquals(analyzed.getList("entities.kbId"), stored.getList("entities.kbId"));

        Map<String, Object> okafor = stored.getMap("entities.find { it.canonical == 'Dana Okafor' }");
        assertEquals("PERSON", okafor.get("type"));
        assertEquals(List.of("Dana Okafor", "Okafor"), okafor.get("aliases"));
        assertEquals(query("SELECT id FROM nlp.entities WHERE type = 'PERSON' AND canonical = 'Dana Okafor'"),
                ((Number) okafor.get("id")).longValue());
    }

    @Test
    void anArticleIsEnrichedWithinTheTraceOfTheRequestThatQueuedIt() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String ingestSpanId = "00f067aa0ba902b7";
        long articleId = newArticleId();
        insertJob(articleId, TEXT, "now()");
        execute("UPDATE nlp.jobs SET traceparent = '00-" + traceId + "-" + ingestSpanId + "-01' WHERE article_id = " + articleId);

        given().post("/api/v1/jobs/wake").then().statusCode(202);
        await(() -> "done".equals(status(articleId)));

        // the span ends just after the job's commit
        for (int wait = 0; wait < 100 && enrichmentSpan(articleId).isEmpty(); wait++) {
            Thread.sleep(100);
        }
        SpanData enrichment = enrichmentSpan(articleId).orElseThrow(() -> new AssertionError("no enrichment span for article "
                + articleId + "; recorded: " + recordedSpans.getFinishedSpanItems().stream().map(SpanData::getName).toList()));
        assertEquals(traceId, enrichment.getTraceId(), "the ingest request's trace");
        assertEquals(ingestSpanId, enrichment.getParentSpanId(), "a child of the ingest request's span");
        List<String> stages = recordedSpans.getFinishedSpanItems().stream()
                .filter(span -> span.getParentSpanId().equals(enrichment.getSpanId())).map(SpanData::getName).toList();
        assertTrue(stages.containsAll(List.of("stage language", "stage ner", "stage canonicalize")), "stage spans: " + stages);
        assertEquals(1, query("SELECT count(*) FROM nlp.enrichments WHERE article_id = " + articleId
                + " AND traceparent = '00-" + traceId + "-" + enrichment.getSpanId() + "-01'"),
                "the enrichment leaves its own span's context for the indexer");
    }

    @Test
    void anArticleWithoutEnrichmentIsNotFound() {
        for (String id : List.of(String.valueOf(newArticleId()), "not-a-number")) {
            given().get("/api/v1/articles/" + id + "/analysis")
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("https://newslens.dev/problems/not-found"))
                    .body("detail", containsString(id));
        }
    }

    @Test
    void aJobWhoseArticleIsNoLongerStoredFailsAndSaysSo() throws Exception {
        long articleId = newArticleId();
        insertJobWithoutArticle(articleId, "now()");

        given().post("/api/v1/jobs/wake").then().statusCode(202);
        await(() -> "failed".equals(status(articleId)));

        assertEquals(1, query("SELECT count(*) FROM nlp.jobs WHERE article_id = " + articleId
                + " AND attempts = 1 AND last_error LIKE '%no longer stored%'"));
        assertEquals(0, query("SELECT count(*) FROM nlp.enrichments WHERE article_id = " + articleId));
    }

    @Test
    void aJobThatCannotSucceedFailsAfterItsAttemptsAndCanBeRetried() throws Exception {
        long articleId = newArticleId();
        insertJob(articleId, "x".repeat(1_100_000), "now()");

        given().post("/api/v1/jobs/wake").then().statusCode(202);
        await(() -> "failed".equals(status(articleId)));

        assertEquals(3, query("SELECT attempts FROM nlp.jobs WHERE article_id = " + articleId));
        assertEquals(1, query("SELECT count(*) FROM nlp.jobs WHERE article_id = " + articleId
                + " AND last_error LIKE '%bytes%' AND lease_until IS NULL"));
        assertEquals(0, query("SELECT count(*) FROM nlp.enrichments WHERE article_id = " + articleId));

        long updatedBefore = query("SELECT extract(epoch FROM updated_at) * 1000000 FROM nlp.jobs WHERE article_id = " + articleId);
        given().post("/api/v1/jobs/" + articleId + "/retry").then().statusCode(202);
        await(() -> "failed".equals(status(articleId))
                && query("SELECT extract(epoch FROM updated_at) * 1000000 FROM nlp.jobs WHERE article_id = " + articleId) > updatedBefore);
    }

    @Test
    void retryNeedsAFailedJob() throws Exception {
        given().post("/api/v1/jobs/" + newArticleId() + "/retry")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/not-found"));

        long articleId = newArticleId();
        insertJob(articleId, TEXT, "now() + interval '1 day'");
        given().post("/api/v1/jobs/" + articleId + "/retry")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/job-not-failed"));
    }

    @Test
    void statsCountJobsByState() throws Exception {
        long waiting = newArticleId();
        insertJob(waiting, TEXT, "now() + interval '1 day'");
        long pending = query("SELECT count(*) FROM nlp.jobs WHERE status = 'pending'");

        var stats = given().get("/api/v1/jobs/stats").then().statusCode(200).extract().jsonPath();

        assertTrue(stats.getLong("pending") >= 1);
        assertEquals(pending, stats.getLong("pending"));
        assertEquals(query("SELECT count(*) FROM nlp.jobs WHERE status = 'done'"), stats.getLong("done"));
        assertEquals(query("SELECT count(*) FROM nlp.jobs WHERE status = 'failed'"), stats.getLong("failed"));
        assertEquals(query("SELECT count(*) FROM nlp.jobs WHERE status = 'running'"), stats.getLong("running"));
    }

    private Optional<SpanData> enrichmentSpan(long articleId) {
        return recordedSpans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("enrich article")
                        && Long.valueOf(articleId).equals(span.getAttributes().get(AttributeKey.longKey("newslens.article.id"))))
                .findFirst();
    }

    private static long newArticleId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
    }

    /** Stores the article as ingest-service does, with its job. */
    private void insertJob(long articleId, String text, String runAfter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO ingest.articles (id, title, text, language_hint, content_hash) OVERRIDING SYSTEM VALUE
                     VALUES (?, 'A title', ?, 'en', sha256(int8send(?)))""")) {
            insert.setLong(1, articleId);
            insert.setString(2, text);
            insert.setLong(3, articleId);
            insert.executeUpdate();
        }
        insertJobWithoutArticle(articleId, runAfter);
    }

    private void insertJobWithoutArticle(long articleId, String runAfter) throws SQLException {
        execute("INSERT INTO nlp.jobs (article_id, run_after) VALUES (" + articleId + ", " + runAfter + ")");
    }

    private String status(long articleId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT status FROM nlp.jobs WHERE article_id = ?")) {
            query.setLong(1, articleId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long query(String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    /** surface, start, end, entity canonical name */
    private List<String[]> mentions(long articleId) throws SQLException {
        List<String[]> mentions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT m.surface, m.start_offset, m.end_offset, e.canonical
                     FROM nlp.mentions m JOIN nlp.entities e ON e.id = m.entity_id
                     WHERE m.article_id = ? ORDER BY m.start_offset""")) {
            query.setLong(1, articleId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    mentions.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)});
                }
            }
        }
        return mentions;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(100);
        }
    }
}
