package org.newslens.ingest.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newslens.ingest.service.ArticlePage;

import java.util.List;

/** One page of the article listing, in the suite's list style: {@code items} and {@code nextCursor}. */
@Schema(name = "ArticleListing")
public record ArticleListing(
        List<ArticlePage.ArticleSummary> items,
        @Schema(description = "Pass as cursor to read the next page; null on the last page. Opaque.", example = "42")
        String nextCursor,
        @Schema(description = "Deprecated, the same cursor under its old name; removed in 0.3.", deprecated = true, example = "42")
        Long nextAfter) {

    static ArticleListing of(ArticlePage page) {
        return new ArticleListing(page.items(), page.nextAfter() == null ? null : page.nextAfter().toString(),
                page.nextAfter());
    }
}
