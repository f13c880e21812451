package org.newslens.query.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Choosing an index's common words from a sample, keeping them in a commit, and pairing them. */
class CommonWordsTest {

    private final Analyzer analyzer = ArticleFields.analyzer(() -> CommonWords.of("of", "the", "in"));

    @Test
    void commonWordsAreThoseInATenthOfTheSampledArticles() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < CommonWords.MIN_SAMPLE_ARTICLES; i++) {
            texts.add("The News " + (i % 2 == 0 ? "from the harbour" : "") + (i % 20 == 0 ? " Rarely" : "")
                    + (i % 10 == 0 ? " Société" : "") + " story" + i);
        }
        CommonWords common = CommonWords.choose(texts, analyzer);
        for (String word : List.of("from", "harbour", "news", "societe", "the")) {
            assertTrue(common.contains(word), word + ": in every, half or a tenth of the articles, folded as words are");
        }
        assertEquals(5, common.size());
        assertFalse(common.contains("rarely"), "in one article of twenty");
        assertFalse(common.contains("story0"));
        CommonWords tooFew = CommonWords.choose(texts.subList(1, texts.size()), analyzer);
        assertTrue(tooFew.isEmpty() && tooFew.chosenFromTooFewArticles(), "too few articles to tell");
        assertFalse(common.chosenFromTooFewArticles());
    }

    @Test
    void aCorpusWithoutWidespreadWordsHasNoneButSaysItLooked() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < CommonWords.MIN_SAMPLE_ARTICLES; i++) {
            texts.add("story" + i + " word" + i % 11);
        }
        CommonWords common = CommonWords.choose(texts, analyzer);
        assertTrue(common.isEmpty(), "no word is in a tenth of the articles");
        assertFalse(common.chosenFromTooFewArticles());
    }

    @Test
    void atMostTheMostWidespreadWordsAreChosen() {
        List<String> texts = new ArrayList<>();
        StringBuilder everywhere = new StringBuilder();
        for (int w = 0; w < CommonWords.MAX_WORDS + 20; w++) {
            everywhere.append(" w").append(1000 + w);
        }
        for (int i = 0; i < CommonWords.MIN_SAMPLE_ARTICLES; i++) {
            texts.add(everywhere + (i % 3 == 0 ? " sometimes" : ""));
        }
        CommonWords common = CommonWords.choose(texts, analyzer);
        assertEquals(CommonWords.MAX_WORDS, common.size());
        assertFalse(common.contains("sometimes"), "in a third of the articles: less widespread than the rest");
        assertTrue(common.contains("w1000"));
        assertFalse(common.contains("w" + (1000 + CommonWords.MAX_WORDS)), "ties are cut in word order");
    }

    @Test
    void survivesACommitRoundTrip() {
        CommonWords common = CommonWords.of("of", "the", "na");
        assertEquals(common, CommonWords.decode(common.encode()));
        assertEquals(CommonWords.NONE, CommonWords.decode(CommonWords.NONE.encode()));
        CommonWords fromFew = CommonWords.choose(List.of("of the", "the end"), analyzer);
        assertEquals(fromFew, CommonWords.decode(fromFew.encode()));
        assertTrue(CommonWords.decode(fromFew.encode()).chosenFromTooFewArticles());
        assertEquals(CommonWords.NONE, CommonWords.decode(""), "an index committed before common words");
    }

    @Test
    void pairsFieldsHoldOnlyPairsOfAdjacentCommonWords() throws IOException {
        assertEquals(List.of("of the", "in the"), pairs(ArticleFields.TEXT_PAIRS, "The fall of the Berlin Wall, in THE city"));
        assertEquals(List.of("of the", "the of", "of the"), pairs(ArticleFields.TEXT_PAIRS, "of the of the"));
        assertEquals(List.of(), pairs(ArticleFields.TEXT_PAIRS, "Berlin wall"));
        assertEquals(List.of("in the"), pairs(ArticleFields.TEXT_PAIRS, "Îñ thé"), "folded like the words");
        assertEquals(List.of("of the"), pairs(ArticleFields.TITLE_PAIRS, "Fall of the Wall"));
    }

    private List<String> pairs(String field, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        }
        return terms;
    }
}
