package org.newslens.query.search;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newslens.query.PostgresTestResource;
import org.newslens.query.TestIndexConfig;
import org.newslens.query.TestSearchConfig;
import org.newslens.query.index.ArticleAnalysis;
import org.newslens.query.index.ArticleDocument;
import org.newslens.query.index.ArticleDocuments;
import org.newslens.query.index.CommonWords;
import org.newslens.query.index.LuceneIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact phrases looked up by pairs of common words match exactly the articles that checking positions
 * does, and a phrase of two common words reads no positions at all.
 */
class WordPairPhrasesTest {

    private static final List<String> TEXTS = List.of(
            "Talks on the harbour treaty resumed in Basra.",
            "The treaty harbour dispute went to court.",
            "A harbour and a treaty were both mentioned.",
            "Harbour treaty talks: the harbour, treaty and talks again.",
            "Crews at the harbour. Treaty talks began later.",
            "Le café société de Paris a fermé.");

    /** Everything but "dispute", "resumed", the names and the rarer words. */
    private static final CommonWords COMMON = CommonWords.of("a", "again", "and", "cafe", "harbour", "societe", "talks",
            "the", "treaty");

    private static Path directory;
    private static LuceneIndex index;

    @BeforeAll
    static void indexArticles() throws IOException {
        directory = Files.createTempDirectory("query-index-pairs");
        index = new LuceneIndex(new TestIndexConfig(directory, 100, Duration.ZERO, 1));
        index.useCommonWords(COMMON);
        List<ArticleDocument> articles = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            String title = i == 2 ? "Harbour treaty explained" : "Article " + (i + 1);
            articles.add(new ArticleDocument(i + 1, title, TEXTS.get(i), null, "Source", "en",
                    Instant.parse("2024-01-01T00:00:00Z"), List.of(), List.of(), false, ArticleAnalysis.NONE, null));
        }
        index.upsert(articles, TEXTS.size());
        index.publish();
    }

    @AfterAll
    static void deleteIndex() throws IOException {
        index.close();
        PostgresTestResource.deleteRecursively(directory);
    }

    @Test
    void twoWordPhrasesMatchTheSameArticlesWithoutReadingPositions() throws IOException {
        // article 5 has "harbour. Treaty": punctuation does not break a phrase, by positions or by pairs
        assertPairsMatchAsPositionsDo("\"harbour treaty\"", 1, 3, 4, 5);
        assertPairsMatchAsPositionsDo("\"treaty harbour\"", 2);
        assertPairsMatchAsPositionsDo("\"harbour treaty\" talks", 1, 4, 5);
        assertPairsMatchAsPositionsDo("title:\"harbour treaty\"", 3);
        assertPairsMatchAsPositionsDo("\"CAFE SOCIETE\"", 6);
        assertPairsMatchAsPositionsDo("\"treaty harbour\" OR \"and a\"", 2, 3);
        assertPairsMatchAsPositionsDo("harbour -\"harbour treaty\"", 2);
        assertFalse(LuceneSearchBackend.hasPositions(WordPairPhrases.rewrite(parse("\"harbour treaty\""), COMMON)));
        assertFalse(LuceneSearchBackend.hasPositions(WordPairPhrases.rewrite(parse("title:\"harbour treaty\" basra"), COMMON)));
        SearchResult page = new LuceneSearchBackend(index, TestSearchConfig.DEFAULTS)
                .search(SearchRequest.parse("\"harbour treaty\"", null, "2", null, null, null, null));
        assertEquals(4, page.total(), "the pair term's matches");
    }

    @Test
    void longerPhrasesNeedEveryPairInOrder() throws IOException {
        assertPairsMatchAsPositionsDo("\"the harbour treaty\"", 1, 4, 5);
        assertPairsMatchAsPositionsDo("\"harbour treaty talks\"", 4, 5);
        // article 4 holds both pairs of "treaty talks again", but not one after the other
        assertPairsMatchAsPositionsDo("\"treaty talks again\"");
        assertPairsMatchAsPositionsDo("\"and talks again\"", 4);
        // only "harbour treaty" is a pair of common words: the rest of the phrase is checked by positions
        assertPairsMatchAsPositionsDo("\"harbour treaty resumed\"", 1);
    }

    @Test
    void phrasesWithoutACommonPairProximityAndOtherFieldsStayAsWritten() throws IOException {
        for (String q : List.of("\"harbour dispute\"", "\"harbour treaty\"~2", "keyphrase:\"harbour treaty\"")) {
            Query written = parse(q);
            assertEquals(written, WordPairPhrases.rewrite(written, COMMON), q);
            assertTrue(LuceneSearchBackend.hasPositions(WordPairPhrases.rewrite(written, COMMON)), q);
        }
        assertPairsMatchAsPositionsDo("\"harbour dispute\"", 2);
        Query phrase = parse("\"harbour treaty\"");
        assertEquals(phrase, WordPairPhrases.rewrite(phrase, CommonWords.NONE), "an index that pairs no words");
    }

    private static void assertPairsMatchAsPositionsDo(String q, long... expectedIds) throws IOException {
        Query written = parse(q);
        TreeSet<Long> expected = new TreeSet<>();
        for (long id : expectedIds) {
            expected.add(id);
        }
        assertEquals(expected, ids(written), q + " by positions");
        assertEquals(expected, ids(WordPairPhrases.rewrite(written, COMMON)), q + " by word pairs");
    }

    private static TreeSet<Long> ids(Query query) throws IOException {
        return index.search(searcher -> {
            TreeSet<Long> ids = new TreeSet<>();
            for (ScoreDoc doc : searcher.search(query, 100).scoreDocs) {
                ids.add(ArticleDocuments.id(searcher.storedFields().document(doc.doc)));
            }
            return ids;
        });
    }

    private static Query parse(String q) {
        return ArticleQueryParser.parse(q, "q", index.analyzer(), 10_000);
    }
}
