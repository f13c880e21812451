package org.newslens.query;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newslens.query.Fixtures.Mention;
import org.newslens.query.db.SnapshotReads;
import org.newslens.query.index.ChangeFeedReader;
import org.newslens.query.index.LuceneIndex;
import org.newslens.query.index.SearchIndexer;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The indexer continues the trace that nlp-service recorded with each enrichment. */
class IndexTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String ENRICHMENT_SPAN_ID = "00f067aa0ba902b7";

    private static final PostgresTestResource POSTGRES = new PostgresTestResource();
    private static Fixtures db;
    private static ChangeFeedReader feed;

    @BeforeAll
    static void startDatabase() {
        Map<String, String> config = POSTGRES.start();
        db = new Fixtures(config.get(PostgresTestResource.OWNER_URL_KEY));
        PGSimpleDataSource reader = new PGSimpleDataSource();
        reader.setUrl(config.get("quarkus.datasource.jdbc.url"));
        reader.setUser(PostgresTestResource.READER);
        reader.setPassword(PostgresTestResource.READER_PASSWORD);
        feed = new ChangeFeedReader(new SnapshotReads(reader));
    }

    @AfterAll
    static void stopDatabase() {
        POSTGRES.stop();
    }

    @Test
    void aTracedArticleIsIndexedInAChildSpanOfItsEnrichment() throws Exception {
        long entity = db.entity("PERSON", "Ada Quill");
        long traced = db.article(null, "Traced", "Traced story about Ada Quill.", null, "en", Instant.now());
        db.enrich(traced, "en", new Mention(entity, "Ada Quill"));
        db.traceparent(traced, "00-" + TRACE_ID + "-" + ENRICHMENT_SPAN_ID + "-01");
        long untraced = db.article(null, "Untraced", "Untraced story about Ada Quill.", null, "en", Instant.now());
        db.enrich(untraced, "en", new Mention(entity, "Ada Quill"));

        InMemorySpanExporter spans = InMemorySpanExporter.create();
        // not closed: shutting the provider down would also clear the exporter's spans
        SdkTracerProvider tracing = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
        Path directory = Files.createTempDirectory("query-index-traced");
        TestIndexConfig config = new TestIndexConfig(directory, 10, Duration.ofMinutes(10), 1);
        try (LuceneIndex index = new LuceneIndex(config)) {
            assertEquals(2, new SearchIndexer(feed, index, config, tracing.get("test")).catchUp());
        } finally {
            PostgresTestResource.deleteRecursively(directory);
        }

        List<SpanData> finished = spans.getFinishedSpanItems();
        assertEquals(1, finished.size(), "one span, for the traced article only: " + finished);
        SpanData span = finished.get(0);
        assertEquals("index article", span.getName());
        assertEquals(TRACE_ID, span.getTraceId(), "the enrichment's trace");
        assertEquals(ENRICHMENT_SPAN_ID, span.getParentSpanId(), "a child of the enrichment span");
        assertEquals(traced, span.getAttributes().get(AttributeKey.longKey("newslens.article.id")));
    }
}
