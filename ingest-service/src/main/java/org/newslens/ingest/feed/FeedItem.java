package org.newslens.ingest.feed;

import java.util.List;

/**
 * One feed entry, reduced to what an article needs. {@code text} is plain text (markup stripped),
 * empty when the entry carries none; {@code link} is absolute or null; {@code publishedAt} is ISO-8601
 * or null.
 */
public record FeedItem(String title, String link, String publishedAt, List<String> authors, String guid, String text) {
}
