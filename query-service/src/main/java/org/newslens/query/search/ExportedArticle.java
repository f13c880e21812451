package org.newslens.query.search;

import org.newslens.query.index.EntitySummary;

import java.time.Instant;
import java.util.List;

/**
 * One matching article as exported, with its annotations: the top entities and nlp-service's whole
 * analysis JSON ({@code analysisJson}, null for articles enriched before analyses were stored).
 */
public record ExportedArticle(long id, String title, String url, Instant publishedAt, String source, String language,
                              List<String> authors, boolean nearDuplicate, Double toneScore, String toneLabel,
                              List<EntitySummary> entities, String analysisJson) {
}
