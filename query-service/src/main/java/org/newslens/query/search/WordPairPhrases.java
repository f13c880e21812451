package org.newslens.query.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.newslens.query.index.ArticleFields;

/**
 * Rewrites exact phrases on title and text into lookups of their adjacent word pairs
 * ({@link ArticleFields#WORD_PAIRS}), with the same matches: {@code "climate talks"} becomes the single
 * term "climate talks" of the pairs field, so its documents come straight from one posting list instead
 * of checking the positions of every document holding both words. A longer phrase must hold all its
 * pairs, and positions are verified only on the documents that do. Proximity phrases ({@code "a b"~3})
 * and phrases on other fields stay as written.
 */
final class WordPairPhrases {

    private WordPairPhrases() {
    }

    /** {@code query} with every exact title or text phrase looked up by word pairs. */
    static Query rewrite(Query query) {
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            bool.clauses().forEach(clause -> builder.add(rewrite(clause.getQuery()), clause.getOccur()));
            return builder.build();
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(rewrite(boost.getQuery()), boost.getBoost());
        }
        if (query instanceof PhraseQuery phrase && hasPairs(phrase)) {
            return byPairs(phrase);
        }
        return query;
    }

    private static boolean hasPairs(PhraseQuery phrase) {
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

    private static Query byPairs(PhraseQuery phrase) {
        Term[] words = phrase.getTerms();
        String pairsField = ArticleFields.WORD_PAIRS.get(words[0].field());
        if (words.length == 2) {
            return pair(pairsField, words[0], words[1]);
        }
        BooleanQuery.Builder allPairs = new BooleanQuery.Builder();
        for (int i = 1; i < words.length; i++) {
            allPairs.add(pair(pairsField, words[i - 1], words[i]), BooleanClause.Occur.MUST);
        }
        // the pairs of "a b c" are also in "a b x b c": the phrase itself confirms the order
        return allPairs.add(phrase, BooleanClause.Occur.FILTER).build();
    }

    private static Query pair(String pairsField, Term first, Term second) {
        return new TermQuery(new Term(pairsField, first.text() + ArticleFields.PAIR_SEPARATOR + second.text()));
    }
}
