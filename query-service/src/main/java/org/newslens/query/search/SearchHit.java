package org.newslens.query.search;

import org.newslens.query.index.EntitySummary;

import java.time.Instant;
import java.util.List;

/** One matching article; {@code snippet} is HTML-escaped text with matches wrapped in {@code <b>}. */
public record SearchHit(long id, String title, String url, String snippet, Instant publishedAt, String source,
                        String language, float score, List<EntitySummary> entities) {
}
