package org.newslens.ingest.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts feed polls by outcome ({@code newslens_feed_polls_total}) and the entries they read by what
 * became of them ({@code newslens_feed_entries_total}). Labels are outcomes only, never a feed's URL or
 * id, so the number of series stays fixed however many feeds are subscribed.
 */
@Startup
@ApplicationScoped
public class FeedMetrics {

    private final Map<PollOutcome, Counter> polls = new EnumMap<>(PollOutcome.class);
    private final Counter newEntries;
    private final Counter knownEntries;
    private final Counter failedEntries;

    FeedMetrics(MeterRegistry registry) {
        for (PollOutcome outcome : PollOutcome.values()) {
            polls.put(outcome, Counter.builder("newslens.feed.polls")
                    .description("Feed polls by outcome: ok (read), not_modified (HTTP 304), error (not fetched or not readable)")
                    .tag("outcome", outcome.code()).register(registry));
        }
        newEntries = entries(registry, "new");
        knownEntries = entries(registry, "known");
        failedEntries = entries(registry, "failed");
    }

    void polled(PollResult result) {
        polls.get(result.outcome()).increment();
        newEntries.increment(result.itemsNew());
        failedEntries.increment(result.itemsFailed());
        knownEntries.increment(result.itemsSeen() - result.itemsNew() - result.itemsFailed());
    }

    private static Counter entries(MeterRegistry registry, String outcome) {
        return Counter.builder("newslens.feed.entries")
                .description("Feed entries read by polls: new (stored as an article), known (already stored), failed (not stored)")
                .tag("outcome", outcome).register(registry);
    }
}
