package org.newslens.ingest.feed;

import java.time.Instant;

/** One recorded poll of a feed. */
public record FeedPoll(long id, Instant startedAt, Instant finishedAt, PollOutcome outcome, Integer httpStatus,
                       int itemsSeen, int itemsNew, int itemsFailed, String error) {
}
