package org.newslens.query.search;

/**
 * One value of a facet and how many matching articles have it; {@code id} and {@code type} (nlp.entities'
 * type) are set for entity facets.
 */
public record FacetValue(String value, Long id, String type, long count) {
}
