package org.newslens.ingest.feed;

import java.util.List;

/** A subscription with its most recent polls, newest first. */
public record FeedDetails(Feed feed, List<FeedPoll> recentPolls) {
}
