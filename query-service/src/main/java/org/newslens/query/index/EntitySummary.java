package org.newslens.query.index;

/** The compact form of an entity stored with each hit, so search results need no database read. */
public record EntitySummary(long id, String canonical, String type) {
}
