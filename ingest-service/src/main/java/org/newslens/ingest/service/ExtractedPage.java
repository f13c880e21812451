package org.newslens.ingest.service;

/** What {@link HtmlArticleExtractor} found in a page; any field but {@code text} may be null. */
public record ExtractedPage(String title, String text, String byline, String publishedAt, String leadImageUrl,
                            String language) {
}
