package org.newslens.query.search;

/** One value of a facet and how many matching articles have it; {@code id} is set for entity facets. */
public record FacetValue(String value, Long id, long count) {
}
