package org.newslens.query.search;

/**
 * A validated search. {@code query} is null to match every article; without a query, hits default to
 * newest first, with one, to relevance.
 */
public record SearchRequest(String query, int size, SortOrder sort) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Validates raw request parameters, naming the offending one when it is unusable. */
    public static SearchRequest parse(String q, String size, String sort) {
        String query = q == null || q.isBlank() ? null : q.strip();
        return new SearchRequest(query, parseSize(size), SortOrder.parse(sort, query == null ? SortOrder.DATE : SortOrder.RELEVANCE));
    }

    private static int parseSize(String size) {
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
}
