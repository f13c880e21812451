package org.newslens.ingest.service;

/** Fired when an article and its enrichment job are written; observers act after the commit. */
public record ArticleQueued(long articleId) {
}
