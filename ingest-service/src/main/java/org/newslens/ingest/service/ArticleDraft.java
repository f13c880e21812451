package org.newslens.ingest.service;

import java.time.Instant;
import java.util.List;

/**
 * A validated, normalised article ready to store. {@code canonicalUrl}, {@code publishedAt},
 * {@code externalId}, {@code leadImageUrl} and {@code signature} may be null; {@code authors} is
 * never null.
 */
public record ArticleDraft(String title, String text, String url, String canonicalUrl, Instant publishedAt,
                           String sourceName, String sourceDomain, String language, List<String> authors,
                           String externalId, String leadImageUrl, byte[] contentHash,
                           MinHasher.Signature signature) {
}
