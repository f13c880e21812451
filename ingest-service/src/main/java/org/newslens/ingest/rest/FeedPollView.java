package org.newslens.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newslens.ingest.feed.FeedPoll;

import java.time.Instant;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FeedPoll", description = "One poll of a feed")
public record FeedPollView(
        @Schema(example = "2024-03-01T08:15:00Z") Instant startedAt,
        @Schema(example = "2024-03-01T08:15:02Z") Instant finishedAt,
        @Schema(enumeration = {"ok", "not_modified", "error"}, example = "ok") String outcome,
        @Schema(description = "HTTP status of the feed's answer; absent when none came", example = "200") Integer httpStatus,
        @Schema(description = "Entries read", example = "30") int itemsSeen,
        @Schema(description = "Entries stored as new articles", example = "3") int itemsNew,
        @Schema(description = "Entries that could not be stored", example = "0") int itemsFailed,
        @Schema(description = "Why the poll failed, or why the first entry failed", example = "The feed answered HTTP 503 at https://example.org/world/rss.xml; polling continues with a growing interval. Check the URL if it persists.") String error) {

    static FeedPollView of(FeedPoll poll) {
        return new FeedPollView(poll.startedAt(), poll.finishedAt(), poll.outcome().code(), poll.httpStatus(),
                poll.itemsSeen(), poll.itemsNew(), poll.itemsFailed(), poll.error());
    }
}
