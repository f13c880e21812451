package org.newslens.query.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.AttributeSource;

import java.io.IOException;

/**
 * Rewrites a prefix, wildcard, regular expression or term range as Lucene does by default (constant
 * score, blending the postings of its terms), once it has checked that the pattern matches at most
 * {@code maxTerms} terms in every index segment: a pattern that matches most of the dictionary (a*,
 * /.+/) would read most of the index's postings. Beyond the limit the search is refused with a 400
 * naming the parameter that holds the pattern, rather than answered slowly.
 */
final class BoundedExpansion extends MultiTermQuery.RewriteMethod {

    private final int maxTerms;
    private final String parameter;

    BoundedExpansion(int maxTerms, String parameter) {
        this.maxTerms = maxTerms;
        this.parameter = parameter;
    }

    @Override
    public Query rewrite(IndexReader reader, MultiTermQuery query) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(query.getField());
            if (terms == null) {
                continue;
            }
            TermsEnum matching = getTermsEnum(query, terms, new AttributeSource());
            int count = 0;
            while (matching.next() != null) {
                if (++count > maxTerms) {
                    throw InvalidSearchException.query("has '" + query.toString(query.getField())
                            + "', which matches more than " + maxTerms + " different words: make the "
                            + "literal start of the pattern longer, or search for the words themselves.").inParameter(parameter);
                }
            }
        }
        return MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE.rewrite(reader, query);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BoundedExpansion bounded && bounded.maxTerms == maxTerms && bounded.parameter.equals(parameter);
    }

    @Override
    public int hashCode() {
        return 31 * maxTerms + parameter.hashCode();
    }
}
