package org.newslens.ingest.service;

import java.util.List;

/** One page of a listing; {@code nextAfter} is the cursor for the next page, null on the last. */
public record ArticlePage(List<ArticleSummary> items, Long nextAfter) {

    public record ArticleSummary(long id, String title, String url, String source, String language,
                                 java.time.Instant publishedAt, java.time.Instant ingestedAt, Long nearDuplicateOf) {
    }
}
