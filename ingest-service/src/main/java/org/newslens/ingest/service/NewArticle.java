package org.newslens.ingest.service;

import java.util.List;

/**
 * An article as a client or a feed sent it, before validation. Dates and URLs are still text.
 * Either {@code text} or {@code html} carries the body; from {@code html} the main text and any
 * missing metadata are extracted.
 */
public record NewArticle(String title, String text, String html, String url, String publishedAt, String source,
                         String language, List<String> authors, String externalId) {
}
