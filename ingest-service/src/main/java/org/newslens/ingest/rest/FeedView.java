package org.newslens.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newslens.ingest.feed.Feed;
import org.newslens.ingest.feed.FeedDetails;

import java.time.Instant;
import java.util.List;

@Schema(name = "Feed", description = "A feed subscription and the state of its polling; the last* fields are null until the first poll")
public record FeedView(
        @Schema(example = "7") long id,
        @Schema(example = "https://example.org/world/rss.xml") String url,
        @Schema(example = "https://example.org/world/rss.xml") String canonicalUrl,
        @Schema(description = "Outlet name given at subscription; null: the feed's title is used", example = "Example News") String source,
        @Schema(example = "15") int intervalMinutes,
        @Schema(example = "2024-03-01T08:00:00Z") Instant createdAt,
        @Schema(example = "2024-03-01T08:15:02Z") Instant lastPolledAt,
        @Schema(enumeration = {"ok", "not_modified", "error"}, example = "ok") String lastOutcome,
        @Schema(description = "Why the last poll failed, or why its first entry failed", example = "The feed answered HTTP 503 at https://example.org/world/rss.xml; polling continues with a growing interval. Check the URL if it persists.") String lastError,
        @Schema(description = "Entries read in the last poll", example = "30") Integer lastItemsSeen,
        @Schema(description = "Entries stored as new articles in the last poll", example = "3") Integer lastItemsNew,
        @Schema(description = "Failed polls in a row; each doubles the wait before the next, up to 24 h", example = "0") int consecutiveFailures,
        @Schema(example = "2024-03-01T08:30:02Z") Instant nextPollAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The last 20 polls, newest first; only on GET /api/v1/feeds/{id}") List<FeedPollView> recentPolls) {

    static FeedView of(Feed feed) {
        return of(feed, null);
    }

    static FeedView of(FeedDetails details) {
        return of(details.feed(), details.recentPolls().stream().map(FeedPollView::of).toList());
    }

    private static FeedView of(Feed feed, List<FeedPollView> recentPolls) {
        return new FeedView(feed.id(), feed.url(), feed.canonicalUrl(), feed.sourceName(), feed.intervalMinutes(),
                feed.createdAt(), feed.lastPolledAt(), feed.lastOutcome() == null ? null : feed.lastOutcome().code(),
                feed.lastError(), feed.lastItemsSeen(), feed.lastItemsNew(), feed.consecutiveFailures(),
                feed.nextPollAt(), recentPolls);
    }
}
