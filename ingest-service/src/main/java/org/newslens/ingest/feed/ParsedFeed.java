package org.newslens.ingest.feed;

import java.util.List;

/** A feed document as read: its own title (may be null) and its entries in document order. */
public record ParsedFeed(String title, List<FeedItem> items) {
}
