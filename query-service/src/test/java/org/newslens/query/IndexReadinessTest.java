package org.newslens.query;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newslens.query.Fixtures.Mention;
import org.newslens.query.db.SnapshotReads;
import org.newslens.query.health.SearchIndexHealthCheck;
import org.newslens.query.index.ChangeFeedReader;
import org.newslens.query.index.LuceneIndex;
import org.newslens.query.index.SearchIndexer;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the indexer directly against a real database, as a restart would: not ready until the index has
 * caught up with the change feed, and an index that does not read back is started again and rebuilt.
 */
class IndexReadinessTest {

    private static final Tracer UNTRACED = OpenTelemetry.noop().getTracer("test");

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
    void notReadyAfterAStartUntilCaughtUpWithTheFeed() throws Exception {
        long entity = db.entity("PERSON", "Rhea Dunmore");
        enrichedArticle("Dunmore one", entity);
        enrichedArticle("Dunmore two", entity);
        Path directory = Files.createTempDirectory("query-index-restart");
        try {
            try (LuceneIndex index = new LuceneIndex(indexOf(directory))) {
                SearchIndexer indexer = new SearchIndexer(feed, index, indexOf(directory), UNTRACED);
                SearchIndexHealthCheck readiness = new SearchIndexHealthCheck(indexer);
                assertDown(readiness, "rebuilding");
                assertEquals(0, index.documentCount(), "an empty index and a non-empty feed: not ready");
                indexer.catchUp();
                assertUp(readiness);
                assertEquals(2, index.documentCount());
            }
            enrichedArticle("Dunmore three", entity);
            try (LuceneIndex index = new LuceneIndex(indexOf(directory))) {
                SearchIndexer indexer = new SearchIndexer(feed, index, indexOf(directory), UNTRACED);
                SearchIndexHealthCheck readiness = new SearchIndexHealthCheck(indexer);
                assertDown(readiness, "catching up");
                indexer.catchUp();
                assertUp(readiness);
                assertEquals(3, index.documentCount(), "resumed and caught up");
            }
        } finally {
            PostgresTestResource.deleteRecursively(directory);
        }
    }

    @Test
    void anIndexWithACorruptSegmentIsRebuiltOnStart() throws Exception {
        long entity = db.entity("PERSON", "Ivo Strand");
        enrichedArticle("Strand one", entity);
        Path directory = Files.createTempDirectory("query-index-corrupt");
        try {
            int indexed;
            try (LuceneIndex index = new LuceneIndex(indexOf(directory))) {
                indexed = new SearchIndexer(feed, index, indexOf(directory), UNTRACED).catchUp();
            }
            Path notOurs = Files.writeString(directory.resolve("README.txt"), "kept");
            try (Stream<Path> files = Files.list(directory)) {
                for (Path segmentInfo : files.filter(file -> file.toString().endsWith(".si")).toList()) {
                    byte[] bytes = Files.readAllBytes(segmentInfo);
                    bytes[bytes.length / 2] ^= 0x5a;
                    Files.write(segmentInfo, bytes);
                }
            }
            try (LuceneIndex index = new LuceneIndex(indexOf(directory))) {
                assertTrue(index.rebuilding(), "unreadable: started again empty");
                assertEquals(0, index.indexedSeq());
                assertEquals(indexed, new SearchIndexer(feed, index, indexOf(directory), UNTRACED).catchUp(), "rebuilt from the whole feed");
                assertEquals(indexed, index.documentCount());
                index.verify();
            }
            assertTrue(Files.exists(notOurs), "only Lucene's files are deleted");
        } finally {
            PostgresTestResource.deleteRecursively(directory);
        }
    }

    private static void assertDown(SearchIndexHealthCheck readiness, String state) {
        HealthCheckResponse response = readiness.call();
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals(state, response.getData().orElseThrow().get("state"));
    }

    private static void assertUp(SearchIndexHealthCheck readiness) {
        HealthCheckResponse response = readiness.call();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("caught up", response.getData().orElseThrow().get("state"));
        assertEquals(0L, response.getData().orElseThrow().get("lag"));
    }

    private static void enrichedArticle(String title, long entity) throws Exception {
        long id = db.article(null, title, title + " story about the harbour.", null, "en", Instant.now());
        db.enrich(id, "en", new Mention(entity, "harbour"));
    }

    /** Batches of two, read ahead and written by two threads; ready only at lag 0. */
    private static TestIndexConfig indexOf(Path directory) {
        return new TestIndexConfig(directory, 2, Duration.ofMinutes(10), 2);
    }
}
