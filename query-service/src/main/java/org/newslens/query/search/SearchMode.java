package org.newslens.query.search;

import java.util.Locale;

/**
 * How matches are found: by words (BM25 over the query language), by meaning (nearest article
 * embeddings to the query's), or both fused by reciprocal rank.
 */
public enum SearchMode {
    LEXICAL,
    SEMANTIC,
    HYBRID;

    static SearchMode parse(String value) {
        if (value == null || value.isBlank()) {
            return LEXICAL;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidSearchException.parameter("mode",
                    "mode '" + value + "' is not supported: use lexical (default), semantic or hybrid.");
        }
    }

    /** Whether the query text must be embedded before searching. */
    public boolean needsEmbedding() {
        return this != LEXICAL;
    }
}
