package org.newslens.ingest.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Feed subscriptions and their polling. */
@ConfigMapping(prefix = "newslens.feeds")
public interface FeedsConfig {

    /**
     * How often the poller looks for due feeds, e.g. 10s; "off" disables polling on this replica.
     * Read by the scheduler from {@code @Scheduled} on {@link FeedPoller}; declared here so that it is
     * documented and validated with the other settings.
     */
    @WithDefault("10s")
    String tick();

    /** Poll interval of a subscription that names none, in minutes. */
    @WithDefault("15")
    int defaultIntervalMinutes();

    /** Longest wait between polls of a failing feed; failures double the interval up to 64 times, then this caps it. */
    @WithDefault("24h")
    Duration maxBackoff();

    /** Feeds polled per tick at most, the ones due longest first; the rest wait for the next tick. */
    @WithDefault("50")
    int feedsPerTick();

    /** Entries read from one feed document at most (feeds list the newest first). */
    @WithDefault("200")
    int maxEntriesPerPoll();

    /**
     * An entry whose own text is shorter than this many characters is taken for a teaser: the article
     * page it links to is fetched and its main text extracted instead.
     */
    @WithDefault("500")
    int pageFetchBelowChars();

    /** Poll records kept per feed; older ones are deleted as new ones arrive. */
    @WithDefault("100")
    int pollsKept();
}
