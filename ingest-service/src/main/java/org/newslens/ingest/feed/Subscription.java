package org.newslens.ingest.feed;

/** The result of subscribing: the feed, and whether this call created it or found it already subscribed. */
public record Subscription(Feed feed, boolean created) {
}
