package org.newslens.query;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newslens.query.Fixtures.Mention;
import org.newslens.query.config.IndexConfig;
import org.newslens.query.db.SnapshotReads;
import org.newslens.query.index.ArticleAnalysis;
import org.newslens.query.index.ArticleDocument;
import org.newslens.query.index.ChangeFeedReader;
import org.newslens.query.index.CommonWords;
import org.newslens.query.index.LuceneIndex;
import org.newslens.query.index.SearchIndexer;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the indexer directly against a real database, as a restart would: the index remembers the
 * last change_seq in its commit, resumes after it, and a deleted index is rebuilt from the start.
 */
class IndexResumeTest {

    private static final Tracer UNTRACED = OpenTelemetry.noop().getTracer("test");

    private static final PostgresTestResource POSTGRES = new PostgresTestResource();
    private static Map<String, String> config;
    private static Fixtures db;
    private static ChangeFeedReader feed;

    @BeforeAll
    static void startDatabase() {
        config = POSTGRES.start();
        db = new Fixtures(config.get(PostgresTestResource.OWNER_URL_KEY));
        feed = new ChangeFeedReader(new SnapshotReads(readerDataSource(config.get("quarkus.datasource.jdbc.url"))));
    }

    @AfterAll
    static void stopDatabase() {
        POSTGRES.stop();
    }

    @Test
    void resumesAfterCommittedSeqAndRebuildsWhenDeleted() throws Exception {
        Path directory = Path.of(config.get("newslens.index.directory"));
        long entity = db.entity("PERSON", "Ada Quill");
        long first = enrichedArticle("First", entity);
        enrichedArticle("Second", entity);
        enrichedArticle("Third", entity);

        try (LuceneIndex index = new LuceneIndex(indexOf(directory))) {
            assertTrue(index.needsCommonWords());
            assertEquals(3, indexer(index).catchUp(), "all three articles, across two batches of two");
            assertEquals(3, index.documentCount());
            assertTrue(index.commonWords().isEmpty(), "three articles are too few to choose common words from");
        }
        assertEquals("3", committedSeq(directory), "the commit records the last indexed change_seq");

        db.enrich(first, "en");
        enrichedArticle("Fourth", entity);
        try (LuceneIndex index = new LuceneIndex(indexOf(directory))) {
            assertEquals(3, index.indexedSeq(), "a restart resumes from the committed change_seq");
            assertFalse(index.needsCommonWords(), "a small index that pairs no words is kept");
            assertEquals(2, indexer(index).catchUp(), "only the re-enriched and the new article are read");
            assertEquals(4, index.documentCount(), "re-enrichment replaced its document");
            assertEquals(5, index.indexedSeq());
        }

        PostgresTestResource.deleteRecursively(directory);
        try (LuceneIndex index = new LuceneIndex(indexOf(directory))) {
            assertEquals(0, index.indexedSeq());
            assertEquals(4, indexer(index).catchUp(), "a deleted index is rebuilt from the whole feed");
            assertEquals(4, index.documentCount());
            assertEquals(5, index.indexedSeq());
        }
        assertEquals("5", committedSeq(directory));
    }

    @Test
    void upsertsBecomeSearchableOnPublishAndDurableOnClose() throws Exception {
        Path directory = Files.createTempDirectory("query-index-publish");
        try {
            try (LuceneIndex index = new LuceneIndex(indexOf(directory))) {
                assertThrows(IllegalStateException.class, () -> index.upsert(List.of(article(1)), 1),
                        "documents wait for the index's common words");
                index.useCommonWords(CommonWords.of("article", "of", "text"));
                index.upsert(List.of(article(1), article(2), article(3)), 7);
                assertEquals(7, index.writtenSeq());
                assertEquals(0, index.indexedSeq(), "not searchable before publish");
                assertEquals(0, index.documentCount());
                index.publish();
                assertEquals(7, index.indexedSeq());
                assertEquals(3, index.documentCount());
                index.upsert(List.of(article(3), article(4)), 9);
            }
            assertEquals("9", committedSeq(directory), "closing commits what was upserted, with its change_seq");
            try (LuceneIndex index = new LuceneIndex(indexOf(directory))) {
                assertEquals(9, index.indexedSeq());
                assertEquals(4, index.documentCount(), "article 3 was replaced, not added twice");
                assertEquals(CommonWords.of("article", "of", "text"), index.commonWords(), "kept in the commit");
                assertThrows(IllegalStateException.class, () -> index.useCommonWords(CommonWords.NONE));
            }
        } finally {
            PostgresTestResource.deleteRecursively(directory);
        }
    }

    @Test
    void anIndexStartedOnTooFewArticlesIsRebuiltOnceLargeEnoughToChooseCommonWords() throws Exception {
        List<ArticleDocument> articles = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (long id = 1; id <= 10 * 1000; id++) {
            articles.add(article(id));
            texts.add("story" + id);
        }
        Path directory = Files.createTempDirectory("query-index-few-articles");
        try {
            try (LuceneIndex index = new LuceneIndex(indexOf(directory))) {
                index.useCommonWords(CommonWords.choose(texts.subList(0, 999), index.analyzer()));
                index.upsert(articles.subList(0, articles.size() - 1), 1);
            }
            try (LuceneIndex index = new LuceneIndex(indexOf(directory))) {
                assertFalse(index.needsCommonWords(), "one article short: kept");
                index.upsert(articles.subList(articles.size() - 1, articles.size()), 2);
            }
            try (LuceneIndex index = new LuceneIndex(indexOf(directory))) {
                assertTrue(index.needsCommonWords(), "large enough: rebuilt, to choose common words first");
                assertEquals(0, index.indexedSeq());
                assertEquals(0, index.documentCount());
            }
        } finally {
            PostgresTestResource.deleteRecursively(directory);
        }
        Path sampled = Files.createTempDirectory("query-index-nothing-common");
        try {
            try (LuceneIndex index = new LuceneIndex(indexOf(sampled))) {
                index.useCommonWords(CommonWords.choose(texts.subList(0, 2000), index.analyzer()));
                assertTrue(index.commonWords().isEmpty());
                index.upsert(articles, 1);
            }
            try (LuceneIndex index = new LuceneIndex(indexOf(sampled))) {
                assertFalse(index.needsCommonWords(), "a full sample found no common words: kept, or it would rebuild forever");
                assertEquals(articles.size(), index.documentCount());
            }
        } finally {
            PostgresTestResource.deleteRecursively(sampled);
        }
    }

    @Test
    void waitsQuietlyWhileTheTablesDoNotExist() throws Exception {
        String url = config.get("quarkus.datasource.jdbc.url");
        try (Connection owner = DriverManager.getConnection(url, "postgres", "postgres");
             Statement statement = owner.createStatement()) {
            statement.execute("CREATE DATABASE not_migrated");
        }
        Path directory = Files.createTempDirectory("query-index-empty");
        try (LuceneIndex index = new LuceneIndex(indexOf(directory))) {
            SearchIndexer indexer = new SearchIndexer(
                    new ChangeFeedReader(new SnapshotReads(readerDataSource(url.replace("/postgres", "/not_migrated")))), index,
                    indexOf(directory), UNTRACED);
            assertEquals(0, indexer.catchUp());
            assertEquals(0, index.indexedSeq());
        } finally {
            PostgresTestResource.deleteRecursively(directory);
        }
    }

    private static long enrichedArticle(String title, long entity) throws Exception {
        long id = db.article(null, title, title + " story about Ada Quill.", null, "en", Instant.now());
        db.enrich(id, "en", new Mention(entity, "Ada Quill"));
        return id;
    }

    private static SearchIndexer indexer(LuceneIndex index) {
        return new SearchIndexer(feed, index, indexOf(Path.of(config.get("newslens.index.directory"))), UNTRACED);
    }

    private static ArticleDocument article(long id) {
        return new ArticleDocument(id, "Title " + id, "Text of article " + id, null, "Daily Planet", "en",
                Instant.parse("2024-03-01T10:00:00Z"), List.of(), List.of(), false, ArticleAnalysis.NONE, null);
    }

    private static String committedSeq(Path directory) throws IOException {
        try (FSDirectory fs = FSDirectory.open(directory); DirectoryReader reader = DirectoryReader.open(fs)) {
            return reader.getIndexCommit().getUserData().get(LuceneIndex.CHANGE_SEQ_KEY);
        }
    }

    private static PGSimpleDataSource readerDataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(PostgresTestResource.READER);
        dataSource.setPassword(PostgresTestResource.READER_PASSWORD);
        return dataSource;
    }

    /** Batches of two, read ahead and written by two threads; one commit at the end of each catch-up. */
    private static IndexConfig indexOf(Path directory) {
        return new TestIndexConfig(directory, 2, Duration.ofMinutes(10), 2);
    }
}
