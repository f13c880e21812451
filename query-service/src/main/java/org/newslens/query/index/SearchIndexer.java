package org.newslens.query.index;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.newslens.query.config.IndexConfig;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tails the change feed into the index: reads batches after the last indexed change_seq, upserts them
 * and commits each batch with its last change_seq, until the feed has nothing newer.
 */
@ApplicationScoped
public class SearchIndexer {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class);
    /** undefined_table, invalid_schema_name: ingest-service or nlp-service has not migrated yet. */
    private static final Set<String> NOT_CREATED_YET = Set.of("42P01", "3F000");

    private final ChangeFeedReader feed;
    private final LuceneIndex index;
    private final int batchSize;
    private volatile long feedSeq;

    public SearchIndexer(ChangeFeedReader feed, LuceneIndex index, IndexConfig config) {
        this.feed = feed;
        this.index = index;
        this.batchSize = config.batchSize();
    }

    @Scheduled(every = "${newslens.index.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        catchUp();
    }

    /**
     * Indexes everything committed to the feed since the last indexed change. Returns how many articles
     * were (re)indexed; failures are logged and retried on the next call.
     */
    public synchronized int catchUp() {
        int indexed = 0;
        try {
            feedSeq = feed.latestSeq();
            ChangeBatch batch;
            do {
                batch = feed.readAfter(index.indexedSeq(), batchSize);
                if (!batch.empty()) {
                    index.upsert(batch.articles(), batch.lastSeq());
                    indexed += batch.articles().size();
                }
            } while (!batch.empty() && batch.lastSeq() < feedSeq);
        } catch (SQLException e) {
            if (NOT_CREATED_YET.contains(e.getSQLState())) {
                LOG.debugf("Change feed not readable yet (%s); retrying on the next poll", e.getMessage());
            } else {
                LOG.warnf("Could not read the change feed after change_seq %d: %s", index.indexedSeq(), e.getMessage());
            }
        } catch (IOException e) {
            LOG.errorf(e, "Could not write the search index after change_seq %d", index.indexedSeq());
        }
        return indexed;
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
