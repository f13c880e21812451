package org.newslens.ingest.feed;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Polls the feeds that are due, on every tick of {@code newslens.feeds.tick}. Only one replica polls
 * at a time ({@link SingletonGuard}); the others skip the tick. Nothing thrown here reaches the
 * scheduler thread: a failing feed is recorded as an error poll, anything else is logged.
 */
@ApplicationScoped
public class FeedPoller {

    /** The name of this singleton task, the same on every replica. */
    public static final String TASK = "feed-polling";
    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    private final SingletonGuard guard;
    private final FeedSubscriptions subscriptions;
    private final FeedRefresher refresher;
    private final FeedMetrics metrics;

    FeedPoller(SingletonGuard guard, FeedSubscriptions subscriptions, FeedRefresher refresher, FeedMetrics metrics) {
        this.guard = guard;
        this.subscriptions = subscriptions;
        this.refresher = refresher;
        this.metrics = metrics;
    }

    @Scheduled(identity = "feed-poller", every = "${newslens.feeds.tick:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledTick() {
        tick();
    }

    /**
     * Polls every due feed (up to newslens.feeds.feeds-per-tick), if no other replica is polling.
     *
     * @return true if this replica polled, false if it skipped the tick (another replica holds the
     *         polling task, or the tick failed and was logged)
     */
    public boolean tick() {
        try {
            return guard.runExclusively(TASK, this::pollDueFeeds);
        } catch (RuntimeException e) {
            LOG.error("Feed polling tick failed; the next tick tries again", e);
            return false;
        }
    }

    private void pollDueFeeds() {
        List<Feed> due;
        try {
            due = subscriptions.due(Instant.now());
        } catch (SQLException e) {
            LOG.warnf("Could not read the feeds due for polling (%s); the next tick tries again", e.getMessage());
            return;
        }
        for (Feed feed : due) {
            poll(feed);
        }
    }

    private void poll(Feed feed) {
        Instant started = Instant.now();
        PollResult result;
        try {
            result = refresher.refresh(feed);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Polling feed %d (%s) failed unexpectedly", feed.id(), feed.url());
            result = PollResult.error(null, "Polling failed on our side (" + e + "); it is retried with back-off.", feed);
        }
        metrics.polled(result);
        try {
            subscriptions.recordPoll(feed, result, started, Instant.now());
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "Could not record the poll of feed %d (%s)", feed.id(), feed.url());
        }
    }
}
