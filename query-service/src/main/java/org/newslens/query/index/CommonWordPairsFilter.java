package org.newslens.query.index;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Turns a stream of words into the pairs of adjacent common words, each one term ("of the"); other
 * words, and pairs with one of them, are dropped. Reads the common words when the stream is reset, so
 * an index can choose them after its analyzer was made.
 */
final class CommonWordPairsFilter extends TokenFilter {

    private final Supplier<CommonWords> source;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private CommonWords common = CommonWords.NONE;
    /** The word before the current one, when it is common; empty otherwise. */
    private StringBuilder previous = new StringBuilder();
    private StringBuilder current = new StringBuilder();

    CommonWordPairsFilter(TokenStream words, Supplier<CommonWords> common) {
        super(words);
        this.source = common;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (common.isEmpty()) {
            return false; // nothing to pair: the words are not even read
        }
        while (input.incrementToken()) {
            if (!common.contains(term.buffer(), term.length())) {
                previous.setLength(0);
                continue;
            }
            current.setLength(0);
            current.append(term.buffer(), 0, term.length());
            boolean pairs = previous.length() > 0;
            if (pairs) {
                term.setEmpty().append(previous).append(ArticleFields.PAIR_SEPARATOR).append(current);
            }
            StringBuilder swap = previous;
            previous = current;
            current = swap;
            if (pairs) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        common = source.get();
        previous.setLength(0);
    }
}
