package org.newslens.ingest.feed;

import java.time.Instant;

/**
 * A feed subscription and the state of its polling. {@code etag} and {@code lastModified} are the
 * validators the server sent last, echoed in the next conditional GET. The {@code last*} fields are
 * null until the first poll.
 */
public record Feed(long id, String url, String canonicalUrl, String sourceName, int intervalMinutes, String etag,
                   String lastModified, Instant nextPollAt, int consecutiveFailures, Instant lastPolledAt,
                   PollOutcome lastOutcome, String lastError, Integer lastItemsSeen, Integer lastItemsNew,
                   Instant createdAt) {
}
