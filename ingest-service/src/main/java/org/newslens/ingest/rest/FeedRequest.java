package org.newslens.ingest.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FeedRequest", description = "A subscription to an RSS or Atom feed. Only url is required.")
public record FeedRequest(
        @Schema(required = true, description = "The feed's address (http or https)", example = "https://example.org/world/rss.xml") String url,
        @Schema(description = "Outlet name given to the feed's articles; the feed's own title when absent", example = "Example News") String source,
        @Schema(description = "Minutes between polls, 1 to 10080", defaultValue = "15", example = "15") Integer intervalMinutes) {
}
