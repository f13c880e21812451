package org.newslens.ingest.service;

import java.time.Instant;
import java.util.List;

/**
 * A stored article with where it stands in enrichment: {@code status} is pending (queued or being
 * worked on), enriched, or failed (then {@code error} says why).
 */
public record StoredArticle(long id, String title, String text, String url, String canonicalUrl, String source,
                            String language, List<String> authors, String externalId, String leadImageUrl,
                            Long nearDuplicateOf, Instant publishedAt, Instant ingestedAt, String status, String error) {
}
