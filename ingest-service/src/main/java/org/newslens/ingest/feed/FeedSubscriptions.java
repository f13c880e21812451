package org.newslens.ingest.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.newslens.ingest.fetch.FetchException;
import org.newslens.ingest.fetch.SafeFetcher;
import org.newslens.ingest.service.ArticleValidator;
import org.newslens.ingest.service.InvalidInputException;
import org.newslens.ingest.service.UrlCanonicalizer;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Subscribing to feeds, reading their state, and recording each poll's outcome and the next poll's time. */
@ApplicationScoped
public class FeedSubscriptions {

    static final int MAX_INTERVAL_MINUTES = 7 * 24 * 60;
    static final int RECENT_POLLS = 20;
    private static final int MAX_URL_CHARS = 2000;
    private static final int MAX_SOURCE_CHARS = 200;
    private static final int MAX_BACKOFF_DOUBLINGS = 6;

    private final FeedStore store;
    private final SafeFetcher fetcher;
    private final FeedsConfig config;

    FeedSubscriptions(FeedStore store, SafeFetcher fetcher, FeedsConfig config) {
        this.store = store;
        this.fetcher = fetcher;
        this.config = config;
    }

    /**
     * Subscribes to the feed at {@code url}, first polled at the next tick. A feed already subscribed
     * under the same canonical URL is returned as it is (its source and interval unchanged).
     *
     * @throws InvalidInputException naming {@code url}, {@code source} or {@code intervalMinutes}
     */
    @Transactional(rollbackOn = Exception.class)
    public Subscription subscribe(String url, String source, Integer intervalMinutes) throws SQLException {
        if (url == null || url.isBlank()) {
            throw InvalidInputException.invalid("url", "url is missing. Give the feed's address, e.g. https://example.org/rss.xml.");
        }
        ArticleValidator.requireStorable("url", url);
        ArticleValidator.requireStorable("source", source);
        if (url.length() > MAX_URL_CHARS) {
            throw InvalidInputException.invalid("url", "url is " + url.length() + " characters long; the limit is " + MAX_URL_CHARS + ".");
        }
        String canonicalUrl = UrlCanonicalizer.canonicalize("url", url);
        refuseUnreachable(url.strip());
        String sourceName = source == null || source.isBlank() ? null : source.strip();
        if (sourceName != null && sourceName.length() > MAX_SOURCE_CHARS) {
            throw InvalidInputException.invalid("source", "source is " + sourceName.length()
                    + " characters long; the limit is " + MAX_SOURCE_CHARS + ". Give the outlet's name.");
        }
        int interval = intervalMinutes == null ? config.defaultIntervalMinutes() : intervalMinutes;
        if (interval < 1 || interval > MAX_INTERVAL_MINUTES) {
            throw InvalidInputException.invalid("intervalMinutes", "intervalMinutes is " + interval
                    + "; give a number of minutes from 1 to " + MAX_INTERVAL_MINUTES + ", or leave it out for "
                    + config.defaultIntervalMinutes() + ".");
        }
        var created = store.insert(url.strip(), canonicalUrl, sourceName, interval, Instant.now());
        if (created.isPresent()) {
            return new Subscription(store.find(created.getAsLong()).orElseThrow(), true);
        }
        return new Subscription(store.findByCanonicalUrl(canonicalUrl).orElseThrow(() ->
                new IllegalStateException("A feed insert conflicted, yet no feed has this canonical URL")), false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Feed> list() throws SQLException {
        return store.list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<FeedDetails> find(long id) throws SQLException {
        Optional<Feed> feed = store.find(id);
        return feed.isEmpty() ? Optional.empty()
                : Optional.of(new FeedDetails(feed.get(), store.recentPolls(id, RECENT_POLLS)));
    }

    /** @return false if there was no such subscription */
    @Transactional(rollbackOn = Exception.class)
    public boolean unsubscribe(long id) throws SQLException {
        return store.delete(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Feed> due(Instant now) throws SQLException {
        return store.due(now, config.feedsPerTick());
    }

    /**
     * Records a poll and schedules the next one: after success one interval later; after a failure the
     * interval doubles per consecutive failure (at most 2^6 times), capped at newslens.feeds.max-backoff.
     */
    @Transactional(rollbackOn = Exception.class)
    public void recordPoll(Feed feed, PollResult result, Instant startedAt, Instant finishedAt) throws SQLException {
        boolean failed = result.outcome() == PollOutcome.ERROR;
        int failures = failed ? feed.consecutiveFailures() + 1 : 0;
        Duration wait = Duration.ofMinutes(feed.intervalMinutes()).multipliedBy(1L << Math.min(failures, MAX_BACKOFF_DOUBLINGS));
        if (wait.compareTo(config.maxBackoff()) > 0) {
            wait = config.maxBackoff();
        }
        if (store.updateAfterPoll(feed.id(), result, finishedAt, finishedAt.plus(wait), failures)) {
            store.insertPoll(feed.id(), result, startedAt, finishedAt);
            store.prunePolls(feed.id(), config.pollsKept());
        }
    }

    /** Refuses at once a feed the poller would never be allowed to fetch (a non-public address). */
    private void refuseUnreachable(String url) {
        try {
            fetcher.checkTarget(URI.create(url));
        } catch (FetchException e) {
            if (e.reason() == FetchException.Reason.REFUSED_TARGET) {
                throw InvalidInputException.invalid("url", e.getMessage() + ". Subscribe to a feed on the public web.");
            }
            // an unknown host may be a passing DNS failure: the poller retries it with back-off
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.invalid("url", "url '" + url + "' is not a valid URL. Give an absolute http(s) URL.");
        }
    }
}
