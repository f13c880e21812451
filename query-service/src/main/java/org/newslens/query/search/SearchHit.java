package org.newslens.query.search;

import org.newslens.query.index.EntitySummary;

import java.time.Instant;
import java.util.List;

/**
 * One matching article; {@code snippet} is HTML-escaped text with matches wrapped in {@code <b>};
 * {@code tone} is null for articles enriched before tone was analysed.
 */
public record SearchHit(long id, String title, String url, String snippet, Instant publishedAt, String source,
                        String language, float score, List<EntitySummary> entities, Tone tone) {

    /** Overall tone: a score in [-1, 1] and its label (negative, neutral, positive). */
    public record Tone(double score, String label) {
    }
}
