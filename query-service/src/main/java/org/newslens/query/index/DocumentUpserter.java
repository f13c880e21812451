package org.newslens.query.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Adds or replaces a batch of article documents from several threads at once. IndexWriter is
 * thread-safe and gives each adding thread its own in-memory segment, so building documents and
 * analysing their text (most of the cost of indexing) uses every core instead of one.
 */
final class DocumentUpserter implements Closeable {

    private final IndexWriter writer;
    private final Analyzer analyzer;
    private final int threads;
    private final ExecutorService pool;

    DocumentUpserter(IndexWriter writer, Analyzer analyzer, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("newslens.index.writer-threads must be 1 or more, was " + threads);
        }
        this.writer = writer;
        this.analyzer = analyzer;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, LuceneIndex.daemonThreads("index-writer"));
    }

    /** Upserts every article (one document per article id); returns when all are in the writer. */
    void upsertAll(List<ArticleDocument> articles) throws IOException {
        List<Callable<Void>> slices = new ArrayList<>(threads);
        int n = articles.size();
        for (int t = 0; t < threads; t++) {
            List<ArticleDocument> slice = articles.subList(t * n / threads, (t + 1) * n / threads);
            if (!slice.isEmpty()) {
                slices.add(() -> {
                    for (ArticleDocument article : slice) {
                        writer.updateDocument(new Term(ArticleFields.ID, Long.toString(article.id())),
                                ArticleDocuments.toDocument(article, analyzer));
                    }
                    return null;
                });
            }
        }
        try {
            for (Future<Void> done : pool.invokeAll(slices)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while adding documents to the index");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Adding documents to the index failed", e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
