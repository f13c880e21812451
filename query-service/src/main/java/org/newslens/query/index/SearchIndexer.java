package org.newslens.query.index;

import io.opentelemetry.api.trace.Tracer;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.newslens.query.config.IndexConfig;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tails the change feed into the index: reads batches after the last written change_seq and upserts
 * them, reading the next batch while the current one is being indexed, until the feed has nothing
 * newer. New documents become durable and searchable together: every commit interval during a long
 * catch-up (a rebuild), and at the end of each catch-up. A new or rebuilt index first chooses its
 * {@link CommonWords} from the feed's first articles.
 *
 * <p>Each poll first checks that the index is still whole ({@link LuceneIndex#verify()}); one that lost
 * its files or does not read back, then or while indexing, is reopened once, with one warning, and
 * rebuilt from the change feed without a restart. The index is {@link #caughtUp() caught up} once a
 * catch-up ends within {@code ready-lag} changes of the feed's head; until then (after a start or a
 * rebuild) the service is not ready.
 */
@ApplicationScoped
public class SearchIndexer {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class);
    /** undefined_table, invalid_schema_name: ingest-service or nlp-service has not migrated yet. */
    private static final Set<String> NOT_CREATED_YET = Set.of("42P01", "3F000");

    private final ChangeFeedPrefetcher feed;
    private final LuceneIndex index;
    private final long commitIntervalNanos;
    private final long readyLag;
    private final Tracer tracer;
    private final RepeatingFailureLog feedFailures = new RepeatingFailureLog(LOG, "Reading the change feed");
    private final RepeatingFailureLog indexFailures = new RepeatingFailureLog(LOG, "Writing the search index");
    private final RepeatingFailureLog damage = new RepeatingFailureLog(LOG, "The reopened search index");
    private volatile long feedSeq;
    private volatile boolean caughtUp;
    private final AtomicLong documentsIndexed = new AtomicLong();

    public SearchIndexer(ChangeFeedReader feed, LuceneIndex index, IndexConfig config, Tracer tracer) {
        if (config.readyLag() < 0) {
            throw new IllegalArgumentException("newslens.index.ready-lag must be 0 or more, was " + config.readyLag());
        }
        this.feed = new ChangeFeedPrefetcher(feed, config.batchSize());
        this.index = index;
        this.commitIntervalNanos = config.commitInterval().toNanos();
        this.readyLag = config.readyLag();
        this.tracer = tracer;
    }

    @Scheduled(every = "${newslens.index.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        catchUp();
    }

    /**
     * Indexes everything committed to the feed since the last written change, after reopening the index
     * if it was lost or damaged. Returns how many articles were (re)indexed; failures are logged and
     * retried on the next call.
     */
    public synchronized int catchUp() {
        try {
            index.verify();
        } catch (IOException | RuntimeException e) {
            reopen(e);
        }
        int indexed = 0;
        try {
            feedSeq = feed.latestSeq();
            long committedAt = System.nanoTime();
            ChangeBatch batch = feed.readAfter(index.writtenSeq(), feedSeq);
            if (!batch.empty() && index.needsCommonWords()) {
                index.useCommonWords(CommonWords.choose(feed.firstArticleTexts(CommonWords.SAMPLE_ARTICLES), index.analyzer()));
            }
            while (!batch.empty()) {
                upsert(batch);
                indexed += batch.articles().size();
                documentsIndexed.addAndGet(batch.articles().size());
                if (System.nanoTime() - committedAt >= commitIntervalNanos) {
                    index.publish();
                    committedAt = System.nanoTime();
                }
                batch = feed.next();
            }
            index.publish();
            feedFailures.succeeded();
            indexFailures.succeeded();
            damage.succeeded();
            noteWhetherCaughtUp();
        } catch (SQLException e) {
            feedFailed(e);
            publishWritten();
        } catch (IOException | RuntimeException e) {
            indexFailed(e);
        } finally {
            feed.cancel();
        }
        return indexed;
    }

    /** Upserts the batch, each traced article within its own span (the article is searchable after the next publish). */
    private void upsert(ChangeBatch batch) throws IOException {
        IndexingSpans spans = IndexingSpans.start(tracer, batch);
        try {
            index.upsert(batch.articles(), batch.lastSeq());
        } catch (IOException | RuntimeException e) {
            spans.failed(e);
            throw e;
        } finally {
            spans.end();
        }
    }

    /** After a start or a rebuild: caught up once a catch-up ends within ready-lag of the feed's head, read again now. */
    private void noteWhetherCaughtUp() throws SQLException {
        if (caughtUp) {
            return;
        }
        feedSeq = feed.latestSeq();
        if (lag() <= readyLag) {
            caughtUp = true;
            LOG.infof("Search index caught up with the change feed at change_seq %d", index.indexedSeq());
        }
    }

    private void feedFailed(SQLException e) {
        if (NOT_CREATED_YET.contains(e.getSQLState())) {
            LOG.debugf("Change feed not readable yet (%s); retrying on the next poll", e.getMessage());
            // nothing to catch up with until the tables exist
            caughtUp |= index.indexedSeq() == 0;
        } else {
            feedFailures.failed(Logger.Level.WARN, "Could not read the change feed after change_seq "
                    + index.writtenSeq() + ": " + e.getMessage(), null);
        }
    }

    private void indexFailed(Exception e) {
        if (IndexDamage.isDamage(e)) {
            reopen(e);
        } else {
            indexFailures.failed(Logger.Level.ERROR, "Could not write the search index after change_seq "
                    + index.writtenSeq(), e);
        }
    }

    /** Commits what a catch-up stopped by a feed failure had written, so the next one resumes after it. */
    private void publishWritten() {
        try {
            index.publish();
        } catch (IOException | RuntimeException e) {
            indexFailed(e);
        }
    }

    /** One warning per incident: a reopen that fails is retried on the next poll without repeating it. */
    private void reopen(Exception damaged) {
        caughtUp = false;
        damage.failed(Logger.Level.WARN, "Search index lost or damaged (" + IndexDamage.describe(damaged)
                + "): reopening it and rebuilding what it lost from the change feed; not ready until caught up", null);
        try {
            index.reopen();
        } catch (IOException | RuntimeException e) {
            indexFailures.failed(Logger.Level.ERROR, "Could not reopen the search index", e);
        }
    }

    @PreDestroy
    void close() {
        feed.close();
    }

    /** The newest change_seq seen in the feed at the last poll. */
    public long feedSeq() {
        return feedSeq;
    }

    public long indexedSeq() {
        return index.indexedSeq();
    }

    /** Articles written to the index since this indexer started, rebuilds included. */
    public long documentsIndexed() {
        return documentsIndexed.get();
    }

    /** Changes in the feed not yet searchable, as of the last poll. */
    public long lag() {
        return Math.max(0, feedSeq - index.indexedSeq());
    }

    /**
     * Whether the index has caught up with the change feed since the service started or the index was last
     * rebuilt, and still has its files. A lag that grows later is reported but does not undo it: a trailing
     * index still answers.
     */
    public boolean caughtUp() {
        return caughtUp && index.hasLockFile();
    }

    /** In words, for the readiness check: lost, rebuilding, catching up or caught up. */
    public String state() {
        if (!index.hasLockFile()) {
            return "lost";
        }
        if (caughtUp) {
            return "caught up";
        }
        return index.rebuilding() ? "rebuilding" : "catching up";
    }
}
