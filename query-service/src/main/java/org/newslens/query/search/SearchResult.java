package org.newslens.query.search;

import java.util.List;

/** The exact number of matching articles and the requested page of them. */
public record SearchResult(long total, List<SearchHit> hits) {
}
