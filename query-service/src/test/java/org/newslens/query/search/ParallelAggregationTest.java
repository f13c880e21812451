package org.newslens.query.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.query.PostgresTestResource;
import org.newslens.query.TestIndexConfig;
import org.newslens.query.TestSearchConfig;
import org.newslens.query.config.IndexConfig;
import org.newslens.query.index.ArticleAnalysis;
import org.newslens.query.index.ArticleDocument;
import org.newslens.query.index.ArticleFields;
import org.newslens.query.index.CommonWords;
import org.newslens.query.index.LuceneIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Facets and timelines over an index of several segment slices, which the index's searchers visit on
 * several threads at once: the counts must be those of visiting one segment after another.
 */
class ParallelAggregationTest {

    private static final int SEGMENTS = 8;
    private static final int PER_SEGMENT = 25;

    private Path directory;
    private LuceneIndex index;

    @BeforeEach
    void buildIndexOfEightSegments() throws IOException {
        directory = Files.createTempDirectory("query-index-parallel");
        index = new LuceneIndex(config(directory));
        index.useCommonWords(CommonWords.NONE);
        long id = 0;
        for (int segment = 0; segment < SEGMENTS; segment++) {
            List<ArticleDocument> batch = new ArrayList<>();
            for (int i = 0; i < PER_SEGMENT; i++) {
                id++;
                batch.add(article(id));
            }
            index.upsert(batch, id);
            index.publish(); // each publish flushes one segment
        }
    }

    @AfterEach
    void deleteIndex() throws IOException {
        index.close();
        PostgresTestResource.deleteRecursively(directory);
    }

    @Test
    void facetCountsAreThoseOfEveryMatch() throws IOException {
        List<FacetValue> sources = index.search(searcher -> {
            assertTrue(searcher.getSlices().length > 1, "the index is searched in several slices");
            return FacetCounter.count(searcher, new TermQuery(new Term(ArticleFields.TEXT, "report")),
                    List.of(ArticleFields.SOURCE), 10).get(ArticleFields.SOURCE);
        });
        // ids 1..200 all say "report"; source = id % 3
        assertEquals(List.of(new FacetValue("Source 1", null, null, 67), new FacetValue("Source 2", null, null, 67),
                new FacetValue("Source 0", null, null, 66)), sources);
    }

    @Test
    void facetCountsFollowIndexUpdatesThroughCachedGlobalOrdinals() throws IOException {
        TermQuery report = new TermQuery(new Term(ArticleFields.TEXT, "report"));
        IndexReader before = index.search(searcher -> {
            FacetCounter.count(searcher, report, List.of(ArticleFields.SOURCE), 10);
            return searcher.getIndexReader();
        });
        assertTrue(GlobalOrdinals.isCached(before), "global ordinals are cached with the reader");

        // ids 1..30 move to a new source (deleting their old documents), ids 201..210 are added
        List<ArticleDocument> batch = new ArrayList<>();
        for (long id = 1; id <= 30; id++) {
            batch.add(article(id, "Source 9"));
        }
        for (long id = 201; id <= 210; id++) {
            batch.add(article(id, "Source 0"));
        }
        index.upsert(batch, 210);
        index.publish();

        List<FacetValue> sources = index.search(searcher -> {
            assertTrue(searcher.getIndexReader() != before, "a new reader after the refresh");
            return FacetCounter.count(searcher, report, List.of(ArticleFields.SOURCE), 10).get(ArticleFields.SOURCE);
        });
        assertEquals(List.of(new FacetValue("Source 0", null, null, 66), new FacetValue("Source 1", null, null, 57),
                new FacetValue("Source 2", null, null, 57), new FacetValue("Source 9", null, null, 30)), sources);
        assertFalse(GlobalOrdinals.isCached(before), "the closed reader's global ordinals are dropped");
        List<FacetValue> top2 = index.search(searcher ->
                FacetCounter.count(searcher, report, List.of(ArticleFields.SOURCE), 2).get(ArticleFields.SOURCE));
        assertEquals(sources.subList(0, 2), top2, "ties keep value order when cut");
    }

    @Test
    void lexicalTotalsAreExactForEveryKindOfQueryAndPage() throws IOException {
        LuceneSearchBackend backend = new LuceneSearchBackend(index, TestSearchConfig.DEFAULTS);
        // 200 articles, fewer than the top hits count before skipping any: every total here comes from
        // the top hits pass; hasPositions, checked below, decides how larger match sets are counted
        assertEquals(100, pageThrough(backend, "\"even numbered\""));
        assertEquals(100, pageThrough(backend, "report even"));
        assertEquals(200, pageThrough(backend, "report"));
        assertEquals(0, pageThrough(backend, "\"numbered even\""));
        assertEquals(100, pageThrough(backend, "report -\"odd numbered\""));
        assertTrue(LuceneSearchBackend.hasPositions(parse("report \"even numbered\"")));
        assertTrue(LuceneSearchBackend.hasPositions(parse("\"report numbered\"~3")));
        assertFalse(LuceneSearchBackend.hasPositions(parse("report even")));
        assertFalse(LuceneSearchBackend.hasPositions(parse("report -\"odd numbered\"")), "exclusions only filter");
    }

    private org.apache.lucene.search.Query parse(String q) {
        return ArticleQueryParser.parse(q, "q", index.analyzer(), 10_000);
    }

    /** Pages through every hit 7 at a time, checking each page's total and that no hit repeats. */
    private static long pageThrough(LuceneSearchBackend backend, String q) {
        Set<Long> seen = new HashSet<>();
        long total = -1;
        String cursor = null;
        do {
            SearchResult page = backend.search(SearchRequest.parse(q, null, "7", null, cursor, null, null));
            if (total == -1) {
                total = page.total();
            }
            assertEquals(total, page.total(), "every page of " + q + " has the same total");
            page.hits().forEach(hit -> assertTrue(seen.add(hit.id()), "hit " + hit.id() + " repeats"));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(total, seen.size(), "the pages of " + q + " hold total hits");
        return total;
    }

    @Test
    void timelineCountsSharesAndToneAcrossSlices() throws IOException {
        List<TimelineBucket> months = index.search(searcher -> TimelineCounter.count(searcher,
                new TermQuery(new Term(ArticleFields.TEXT, "even")), TimelineInterval.MONTH));
        List<TimelineBucket> expected = new ArrayList<>();
        for (int month = 1; month <= 3; month++) {
            long published = 0;
            long even = 0;
            for (long id = 1; id <= SEGMENTS * PER_SEGMENT; id++) {
                if (monthOf(id) == month) {
                    published++;
                    even += id % 2 == 0 ? 1 : 0;
                }
            }
            expected.add(new TimelineBucket(Instant.parse("2024-0" + month + "-01T00:00:00Z"), even,
                    (double) even / published, 0.5));
        }
        assertEquals(expected, months);
    }

    /** Months 1-3 of 2024 in runs of ten ids, so each month holds even and odd ids from several segments. */
    private static int monthOf(long id) {
        return 1 + (int) (id / 10 % 3);
    }

    private static ArticleDocument article(long id) {
        return article(id, "Source " + id % 3);
    }

    private static ArticleDocument article(long id, String source) {
        boolean even = id % 2 == 0;
        Instant published = Instant.parse("2024-0" + monthOf(id) + "-15T12:00:00Z");
        return new ArticleDocument(id, "Article " + id, "A report, " + (even ? "even" : "odd") + " numbered.", null,
                source, "en", published, List.of(), List.of(), false,
                new ArticleAnalysis(even ? 0.5 : -0.5, even ? "positive" : "negative", List.of(), List.of(), null),
                null);
    }

    private static IndexConfig config(Path directory) {
        return new TestIndexConfig(directory, PER_SEGMENT, Duration.ZERO, 1);
    }
}
