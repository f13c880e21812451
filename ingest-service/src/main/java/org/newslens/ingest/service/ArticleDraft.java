package org.newslens.ingest.service;

import java.time.Instant;

/** A validated, normalised article ready to store. {@code canonicalUrl} and {@code publishedAt} may be null. */
public record ArticleDraft(String title, String text, String url, String canonicalUrl, Instant publishedAt,
                           String sourceName, String sourceDomain, String language, byte[] contentHash) {
}
