package org.newslens.query.index;

import java.io.Closeable;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the change feed one batch ahead: while the indexer upserts a batch, the next one is read on a
 * background thread, so the database and the index writer work at the same time. Not thread-safe: one
 * indexer drives it.
 */
final class ChangeFeedPrefetcher implements Closeable {

    private final ChangeFeedReader reader;
    private final int batchSize;
    private final ExecutorService background =
            Executors.newSingleThreadExecutor(LuceneIndex.daemonThreads("change-feed-reader"));
    private Future<ChangeBatch> pending;
    private long untilSeq;

    ChangeFeedPrefetcher(ChangeFeedReader reader, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("newslens.index.batch-size must be 1 or more, was " + batchSize);
        }
        this.reader = reader;
        this.batchSize = batchSize;
    }

    long latestSeq() throws SQLException {
        return reader.latestSeq();
    }

    List<String> firstArticleTexts(int limit) throws SQLException {
        return reader.firstArticleTexts(limit);
    }

    /**
     * The first batch after {@code afterSeq}, read now; starts reading the batch after it when that one
     * may still hold changes up to {@code untilSeq}.
     */
    ChangeBatch readAfter(long afterSeq, long untilSeq) throws SQLException {
        cancel();
        this.untilSeq = untilSeq;
        return readAhead(reader.readAfter(afterSeq, batchSize));
    }

    /** The batch after the last one returned; empty once {@code untilSeq} is reached. */
    ChangeBatch next() throws SQLException {
        if (pending == null) {
            return ChangeBatch.nothingAfter(untilSeq);
        }
        Future<ChangeBatch> read = pending;
        pending = null;
        try {
            return readAhead(read.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while reading the change feed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Reading the change feed failed", e.getCause());
        }
    }

    /** Forgets a read started ahead (it is not started if still queued). */
    void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private ChangeBatch readAhead(ChangeBatch batch) {
        if (!batch.empty() && batch.lastSeq() < untilSeq) {
            long after = batch.lastSeq();
            pending = background.submit(() -> reader.readAfter(after, batchSize));
        }
        return batch;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
