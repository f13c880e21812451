package org.newslens.query.search;

import java.util.Locale;

/** How hits are ordered: by relevance score, or newest published first (undated articles last). */
public enum SortOrder {
    RELEVANCE,
    DATE;

    static SortOrder parse(String value, SortOrder fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidSearchException.parameter("sort",
                    "sort '" + value + "' is not supported: use relevance or date.");
        }
    }
}
