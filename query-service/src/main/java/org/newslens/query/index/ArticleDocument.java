package org.newslens.query.index;

import java.time.Instant;
import java.util.List;

/**
 * One enriched article as read from the change feed, ready to index. {@code entities} are ordered by
 * mention count, most mentioned first; {@code language} is the detected one, else the ingest hint.
 * {@code analysis} is {@link ArticleAnalysis#NONE} for enrichments written before analyses were stored;
 * {@code embedding} is null when the article has no vector.
 */
public record ArticleDocument(long id, String title, String text, String url, String source, String language,
                              Instant publishedAt, List<IndexedEntity> entities, List<String> authors,
                              boolean nearDuplicate, ArticleAnalysis analysis, float[] embedding) {
}
