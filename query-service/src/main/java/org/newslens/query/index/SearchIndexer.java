package org.newslens.query.index;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.newslens.query.config.IndexConfig;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tails the change feed into the index: reads batches after the last written change_seq and upserts
 * them, reading the next batch while the current one is being indexed, until the feed has nothing
 * newer. New documents become durable and searchable together: every commit interval during a long
 * catch-up (a rebuild), and at the end of each catch-up. A new or rebuilt index first chooses its
 * {@link CommonWords} from the feed's first articles.
 */
@ApplicationScoped
public class SearchIndexer {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class);
    /** undefined_table, invalid_schema_name: ingest-service or nlp-service has not migrated yet. */
    private static final Set<String> NOT_CREATED_YET = Set.of("42P01", "3F000");

    private final ChangeFeedPrefetcher feed;
    private final LuceneIndex index;
    private final long commitIntervalNanos;
    private volatile long feedSeq;

    public SearchIndexer(ChangeFeedReader feed, LuceneIndex index, IndexConfig config) {
        this.feed = new ChangeFeedPrefetcher(feed, config.batchSize());
        this.index = index;
        this.commitIntervalNanos = config.commitInterval().toNanos();
    }

    @Scheduled(every = "${newslens.index.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        catchUp();
    }

    /**
     * Indexes everything committed to the feed since the last written change. Returns how many articles
     * were (re)indexed; failures are logged and retried on the next call.
     */
    public synchronized int catchUp() {
        int indexed = 0;
        try {
            feedSeq = feed.latestSeq();
            long committedAt = System.nanoTime();
            ChangeBatch batch = feed.readAfter(index.writtenSeq(), feedSeq);
            if (!batch.empty() && index.needsCommonWords()) {
                index.useCommonWords(CommonWords.choose(feed.firstArticleTexts(CommonWords.SAMPLE_ARTICLES), index.analyzer()));
            }
            while (!batch.empty()) {
                index.upsert(batch.articles(), batch.lastSeq());
                indexed += batch.articles().size();
                if (System.nanoTime() - committedAt >= commitIntervalNanos) {
                    index.publish();
                    committedAt = System.nanoTime();
                }
                batch = feed.next();
            }
        } catch (SQLException e) {
            if (NOT_CREATED_YET.contains(e.getSQLState())) {
                LOG.debugf("Change feed not readable yet (%s); retrying on the next poll", e.getMessage());
            } else {
                LOG.warnf("Could not read the change feed after change_seq %d: %s", index.writtenSeq(), e.getMessage());
            }
        } catch (IOException e) {
            LOG.errorf(e, "Could not write the search index after change_seq %d", index.writtenSeq());
        } finally {
            feed.cancel();
            publish();
        }
        return indexed;
    }

    private void publish() {
        try {
            index.publish();
        } catch (IOException e) {
            LOG.errorf(e, "Could not commit the search index at change_seq %d", index.writtenSeq());
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

    /** Changes in the feed not yet searchable, as of the last poll. */
    public long lag() {
        return Math.max(0, feedSeq - index.indexedSeq());
    }
}
