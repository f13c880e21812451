package org.newslens.query.search;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.query.PostgresTestResource;
import org.newslens.query.TestIndexConfig;
import org.newslens.query.TestSearchConfig;
import org.newslens.query.index.ArticleAnalysis;
import org.newslens.query.index.ArticleDocument;
import org.newslens.query.index.CommonWords;
import org.newslens.query.index.IndexedEntity;
import org.newslens.query.index.LuceneIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Articles per entity from the index: across segments, without the documents updates replaced. */
class EntityArticleCounterTest {

    private Path directory;
    private LuceneIndex index;

    @BeforeEach
    void openIndex() throws IOException {
        directory = Files.createTempDirectory("query-index-entity-counts");
        index = new LuceneIndex(new TestIndexConfig(directory, 100, Duration.ZERO, 1));
        index.useCommonWords(CommonWords.NONE);
    }

    @AfterEach
    void deleteIndex() throws IOException {
        index.close();
        PostgresTestResource.deleteRecursively(directory);
    }

    @Test
    void countsEachEntitysArticlesOnceAcrossSegmentsAndUpdates() throws IOException {
        index.upsert(List.of(article(1, 7, 8), article(2, 7), article(3, 8, 9)), 1);
        index.publish();
        index.upsert(List.of(article(4, 7, 10), article(3, 9)), 2); // a second segment; article 3 drops entity 8
        index.publish();
        LuceneSearchBackend backend = new LuceneSearchBackend(index, TestSearchConfig.DEFAULTS);
        assertEquals(Map.of(7L, 3L, 8L, 1L, 9L, 1L, 10L, 1L, 11L, 0L),
                backend.articlesMentioning(List.of(7L, 8L, 9L, 10L, 11L)));
        assertEquals(Map.of(), backend.articlesMentioning(List.of()));
    }

    private static ArticleDocument article(long id, long... entityIds) {
        List<IndexedEntity> entities = Arrays.stream(entityIds)
                .mapToObj(entity -> new IndexedEntity(entity, "PERSON", "Person " + entity, List.of(), 1))
                .toList();
        return new ArticleDocument(id, "Article " + id, "Text " + id, null, "Source", "en",
                Instant.parse("2024-01-01T00:00:00Z"), entities, List.of(), false, ArticleAnalysis.NONE, null);
    }
}
