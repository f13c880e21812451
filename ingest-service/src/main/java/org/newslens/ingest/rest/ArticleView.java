package org.newslens.ingest.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newslens.ingest.service.StoredArticle;

import java.time.Instant;
import java.util.List;

@Schema(name = "Article", description = "A stored article and its processing status")
public record ArticleView(long id, String title, String text, String url, String canonicalUrl, String source,
                          String language, List<String> authors, String externalId, String leadImageUrl,
                          @Schema(description = "The earliest article this one nearly repeats, if any") Long nearDuplicateOf,
                          Instant publishedAt, Instant ingestedAt, Processing processing) {

    @Schema(name = "Processing")
    public record Processing(
            @Schema(enumeration = {"pending", "enriched", "failed"}) String status,
            @Schema(description = "Why enrichment failed, when it did") String error) {
    }

    static ArticleView of(StoredArticle article) {
        return new ArticleView(article.id(), article.title(), article.text(), article.url(), article.canonicalUrl(),
                article.source(), article.language(), article.authors(), article.externalId(), article.leadImageUrl(),
                article.nearDuplicateOf(), article.publishedAt(), article.ingestedAt(),
                new Processing(article.status(), article.error()));
    }
}
