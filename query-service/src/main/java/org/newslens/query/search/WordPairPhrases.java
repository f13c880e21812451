package org.newslens.query.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.newslens.query.index.ArticleFields;
import org.newslens.query.index.CommonWords;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites exact phrases on title and text to look up their pairs of adjacent common words
 * ({@link ArticleFields#WORD_PAIRS}), with the same matches. A phrase of two common words ("of the")
 * becomes the single term "of the" of the pairs field: its articles come straight from one posting list
 * instead of checking positions in every article that holds both words, which may be most of the index.
 * A longer phrase must hold its common pairs, and positions are checked only in the articles that do.
 * Phrases without a common pair, proximity phrases ({@code "a b"~3}) and phrases on other fields stay
 * as written: a rarer word bounds their cost already.
 */
final class WordPairPhrases {

    private WordPairPhrases() {
    }

    /** {@code query} with every exact title or text phrase using the index's pairs of {@code common} words. */
    static Query rewrite(Query query, CommonWords common) {
        if (common.isEmpty()) {
            return query;
        }
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            bool.clauses().forEach(clause -> builder.add(rewrite(clause.getQuery(), common), clause.getOccur()));
            return builder.build();
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(rewrite(boost.getQuery(), common), boost.getBoost());
        }
        if (query instanceof PhraseQuery phrase && isExactPhraseOfPairedField(phrase)) {
            return byPairs(phrase, common);
        }
        return query;
    }

    private static boolean isExactPhraseOfPairedField(PhraseQuery phrase) {
        Term[] terms = phrase.getTerms();
        if (phrase.getSlop() != 0 || terms.length < 2 || !ArticleFields.WORD_PAIRS.containsKey(terms[0].field())) {
            return false;
        }
        int[] positions = phrase.getPositions();
        for (int i = 1; i < positions.length; i++) {
            if (positions[i] != positions[i - 1] + 1) {
                return false;
            }
        }
        return true;
    }

    private static Query byPairs(PhraseQuery phrase, CommonWords common) {
        Term[] words = phrase.getTerms();
        String pairsField = ArticleFields.WORD_PAIRS.get(words[0].field());
        List<Query> pairs = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            if (common.contains(words[i - 1].text()) && common.contains(words[i].text())) {
                pairs.add(new TermQuery(new Term(pairsField,
                        words[i - 1].text() + ArticleFields.PAIR_SEPARATOR + words[i].text())));
            }
        }
        if (pairs.isEmpty()) {
            return phrase;
        }
        if (words.length == 2) {
            return pairs.get(0);
        }
        BooleanQuery.Builder allPairs = new BooleanQuery.Builder();
        pairs.forEach(pair -> allPairs.add(pair, BooleanClause.Occur.MUST));
        // the pairs of "a b c" are also in "a b x b c": the phrase itself confirms them in order
        return allPairs.add(phrase, BooleanClause.Occur.FILTER).build();
    }
}
