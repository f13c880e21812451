package org.newslens.ingest.feed;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The SQL that reads and writes feed subscriptions and their polls; it runs in the caller's transaction. */
@ApplicationScoped
public class FeedStore {

    private static final String FEED_COLUMNS = """
            id, url, canonical_url, source_name, interval_minutes, etag, last_modified, next_poll_at,
            consecutive_failures, last_polled_at, last_outcome, last_error, last_items_seen, last_items_new, created_at""";

    private final AgroalDataSource dataSource;

    FeedStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the new feed's id, or empty if a feed with this canonical URL already exists */
    OptionalLong insert(String url, String canonicalUrl, String sourceName, int intervalMinutes, Instant nextPollAt)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO ingest.feeds (url, canonical_url, source_name, interval_minutes, next_poll_at)
                     VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT (canonical_url) DO NOTHING
                     RETURNING id""")) {
            insert.setString(1, url);
            insert.setString(2, canonicalUrl);
            insert.setString(3, sourceName);
            insert.setInt(4, intervalMinutes);
            insert.setObject(5, timestamp(nextPollAt));
            try (ResultSet rows = insert.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    Optional<Feed> find(long id) throws SQLException {
        List<Feed> feeds = feeds("SELECT " + FEED_COLUMNS + " FROM ingest.feeds WHERE id = ?", id);
        return feeds.stream().findFirst();
    }

    Optional<Feed> findByCanonicalUrl(String canonicalUrl) throws SQLException {
        return feeds("SELECT " + FEED_COLUMNS + " FROM ingest.feeds WHERE canonical_url = ?", canonicalUrl)
                .stream().findFirst();
    }

    List<Feed> list() throws SQLException {
        return feeds("SELECT " + FEED_COLUMNS + " FROM ingest.feeds ORDER BY id");
    }

    /** Feeds whose next poll is due at {@code now}, the longest overdue first. */
    List<Feed> due(Instant now, int limit) throws SQLException {
        return feeds("SELECT " + FEED_COLUMNS + " FROM ingest.feeds WHERE next_poll_at <= ? ORDER BY next_poll_at, id LIMIT ?",
                timestamp(now), limit);
    }

    boolean delete(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM ingest.feeds WHERE id = ?")) {
            delete.setLong(1, id);
            return delete.executeUpdate() > 0;
        }
    }

    /** @return false if the feed no longer exists (unsubscribed while it was polled) */
    boolean updateAfterPoll(long feedId, PollResult result, Instant polledAt, Instant nextPollAt, int consecutiveFailures)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE ingest.feeds
                     SET etag = ?, last_modified = ?, next_poll_at = ?, consecutive_failures = ?, last_polled_at = ?,
                         last_outcome = ?, last_error = ?, last_items_seen = ?, last_items_new = ?
                     WHERE id = ?""")) {
            update.setString(1, result.etag());
            update.setString(2, result.lastModified());
            update.setObject(3, timestamp(nextPollAt));
            update.setInt(4, consecutiveFailures);
            update.setObject(5, timestamp(polledAt));
            update.setString(6, result.outcome().code());
            update.setString(7, result.error());
            update.setInt(8, result.itemsSeen());
            update.setInt(9, result.itemsNew());
            update.setLong(10, feedId);
            return update.executeUpdate() > 0;
        }
    }

    void insertPoll(long feedId, PollResult result, Instant startedAt, Instant finishedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO ingest.feed_polls
                         (feed_id, started_at, finished_at, outcome, http_status, items_seen, items_new, items_failed, error)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, feedId);
            insert.setObject(2, timestamp(startedAt));
            insert.setObject(3, timestamp(finishedAt));
            insert.setString(4, result.outcome().code());
            insert.setObject(5, result.httpStatus(), Types.INTEGER);
            insert.setInt(6, result.itemsSeen());
            insert.setInt(7, result.itemsNew());
            insert.setInt(8, result.itemsFailed());
            insert.setString(9, result.error());
            insert.executeUpdate();
        }
    }

    /** Deletes all but the newest {@code kept} polls of the feed. */
    void prunePolls(long feedId, int kept) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("""
                     DELETE FROM ingest.feed_polls
                     WHERE feed_id = ? AND id < (SELECT id FROM ingest.feed_polls WHERE feed_id = ? ORDER BY id DESC OFFSET ? LIMIT 1)""")) {
            delete.setLong(1, feedId);
            delete.setLong(2, feedId);
            delete.setInt(3, kept - 1);
            delete.executeUpdate();
        }
    }

    List<FeedPoll> recentPolls(long feedId, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT id, started_at, finished_at, outcome, http_status, items_seen, items_new, items_failed, error
                     FROM ingest.feed_polls WHERE feed_id = ? ORDER BY id DESC LIMIT ?""")) {
            query.setLong(1, feedId);
            query.setInt(2, limit);
            List<FeedPoll> polls = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    polls.add(new FeedPoll(rows.getLong("id"), instant(rows, "started_at"), instant(rows, "finished_at"),
                            PollOutcome.of(rows.getString("outcome")), (Integer) rows.getObject("http_status"),
                            rows.getInt("items_seen"), rows.getInt("items_new"), rows.getInt("items_failed"),
                            rows.getString("error")));
                }
            }
            return polls;
        }
    }

    /** Whether an article is already stored under this canonical URL (its page need not be fetched again). */
    boolean articleExists(String canonicalUrl) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT EXISTS (SELECT 1 FROM ingest.articles WHERE canonical_url = ?)")) {
            query.setString(1, canonicalUrl);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private List<Feed> feeds(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<Feed> feeds = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    feeds.add(feed(rows));
                }
            }
            return feeds;
        }
    }

    private static Feed feed(ResultSet rows) throws SQLException {
        return new Feed(rows.getLong("id"), rows.getString("url"), rows.getString("canonical_url"),
                rows.getString("source_name"), rows.getInt("interval_minutes"), rows.getString("etag"),
                rows.getString("last_modified"), instant(rows, "next_poll_at"), rows.getInt("consecutive_failures"),
                instant(rows, "last_polled_at"), PollOutcome.of(rows.getString("last_outcome")),
                rows.getString("last_error"), (Integer) rows.getObject("last_items_seen"),
                (Integer) rows.getObject("last_items_new"), instant(rows, "created_at"));
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
