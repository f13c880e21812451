package org.newslens.ingest.feed;

/**
 * What one poll found. {@code itemsSeen} counts the entries read, {@code itemsNew} those stored as new
 * articles, {@code itemsFailed} those that could not be stored; {@code error} explains an ERROR outcome,
 * or the first failed item of an OK one. {@code etag} and {@code lastModified} are the validators to
 * send next time.
 */
public record PollResult(PollOutcome outcome, Integer httpStatus, int itemsSeen, int itemsNew, int itemsFailed,
                         String error, String etag, String lastModified) {

    static PollResult error(Integer httpStatus, String error, Feed feed) {
        return new PollResult(PollOutcome.ERROR, httpStatus, 0, 0, 0, error, feed.etag(), feed.lastModified());
    }
}
