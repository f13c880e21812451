package org.newslens.ingest.rest;

import java.util.List;

/** Every feed subscription, in the suite's list style ({@code items}; all fit on one page). */
public record FeedListing(List<FeedView> items) {
}
