package org.newslens.query.index;

import java.util.List;

/** An entity as one article's document carries it: its names and how often the article mentions it. */
public record IndexedEntity(long id, String type, String canonical, List<String> aliases, int mentions) {
}
