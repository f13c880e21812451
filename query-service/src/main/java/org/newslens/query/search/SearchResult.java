package org.newslens.query.search;

import java.util.List;
import java.util.Map;

/**
 * The exact number of matching articles, the requested page of them, the cursor for the next page
 * (null on the last one) and the requested facet counts over the whole match set.
 */
public record SearchResult(long total, List<SearchHit> hits, String nextCursor, Map<String, List<FacetValue>> facets) {
}
