package org.newslens.ingest.service;

/** An article as a client sent it, before validation. Dates and URLs are still text. */
public record NewArticle(String title, String text, String url, String publishedAt, String source, String language) {
}
