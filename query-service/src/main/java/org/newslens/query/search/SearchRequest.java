package org.newslens.query.search;

import org.newslens.query.index.ArticleFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A validated search. {@code query} is null to match every article; without a query, hits default to
 * newest first, with one, to relevance. {@code filter} (null for none) is query text that hits must also
 * match, in every mode, without taking part in ranking or embedding. {@code cursor} continues after a
 * previous page; {@code facets} names the counts to return; {@code queryVector} is the embedded query text
 * for semantic and hybrid modes, filled in by whoever embeds it.
 */
public record SearchRequest(String query, String filter, int size, SortOrder sort, String cursor,
                            List<String> facets, SearchMode mode, float[] queryVector) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_FACET_VALUES = 10;

    /** Validates raw request parameters, naming the offending one when it is unusable. */
    public static SearchRequest parse(String q, String filter, String size, String sort, String cursor, String facets,
                                      String mode) {
        String query = q == null || q.isBlank() ? null : q.strip();
        SearchMode searchMode = SearchMode.parse(mode);
        if (searchMode.needsEmbedding() && query == null) {
            throw InvalidSearchException.parameter("q", "mode=" + searchMode.name().toLowerCase(Locale.ROOT)
                    + " searches by the meaning of q: give q some text, e.g. q=water shortage in Iraq.");
        }
        String page = cursor == null || cursor.isBlank() ? null : cursor.strip();
        if (page != null && searchMode != SearchMode.LEXICAL) {
            throw InvalidSearchException.parameter("cursor",
                    "cursor pages lexical searches only; semantic and hybrid return the top size hits: raise size instead.");
        }
        return new SearchRequest(query, filter == null || filter.isBlank() ? null : filter.strip(), parseSize(size),
                SortOrder.parse(sort, query == null ? SortOrder.DATE : SortOrder.RELEVANCE),
                page, parseFacets(facets), searchMode, null);
    }

    public SearchRequest withQueryVector(float[] vector) {
        return new SearchRequest(query, filter, size, sort, cursor, facets, mode, vector);
    }

    /** A page size from 1 to {@link #MAX_SIZE}, {@link #DEFAULT_SIZE} when absent. */
    public static int parseSize(String size) {
        if (size == null || size.isBlank()) {
            return DEFAULT_SIZE;
        }
        try {
            int n = Integer.parseInt(size.strip());
            if (n >= 1 && n <= MAX_SIZE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the valid range
        }
        throw InvalidSearchException.parameter("size",
                "size '" + size + "' is not a whole number from 1 to " + MAX_SIZE + "; ask for more pages of fewer hits instead.");
    }

    private static List<String> parseFacets(String facets) {
        List<String> names = new ArrayList<>();
        if (facets == null || facets.isBlank()) {
            return names;
        }
        for (String name : facets.split(",")) {
            String facet = name.strip().toLowerCase(Locale.ROOT);
            if (!ArticleFields.FACETS.contains(facet)) {
                throw InvalidSearchException.parameter("facets", "facets names '" + name.strip()
                        + "', which cannot be counted: use a comma-separated list of entity, person, org, place, source, lang, framing.");
            }
            if (!names.contains(facet)) {
                names.add(facet);
            }
        }
        return names;
    }
}
