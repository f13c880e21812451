package org.newslens.query.index;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jboss.logging.Logger;
import org.newslens.query.config.IndexConfig;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The on-disk Lucene index of articles. Upserted batches are written at once but become durable and
 * searchable together at the next {@link #publish()}. Each commit records the last change_seq it
 * contains, so a restart resumes from there, and a missing (or differently shaped) index starts again
 * from 0. Each index pairs its own {@link CommonWords}, chosen before its first document and kept in
 * its commits.
 */
@Startup // open (or fail on) the index directory at boot, not on the first search
@Singleton
public class LuceneIndex implements Closeable {

    /** Commit user data key holding the last change_seq the commit contains. */
    public static final String CHANGE_SEQ_KEY = "newslens.change_seq";
    static final String SCHEMA_KEY = "newslens.schema";
    static final String COMMON_WORDS_KEY = "newslens.common_words";
    /**
     * An index started on fewer articles than a sample needs pairs no words; it is rebuilt on start once it
     * holds this many, to choose them: phrases of common words are slow only in a large index.
     */
    static final int REBUILD_TO_CHOOSE_COMMON_WORDS_AT = 10 * CommonWords.MIN_SAMPLE_ARTICLES;

    private static final Logger LOG = Logger.getLogger(LuceneIndex.class);

    private final Analyzer analyzer = ArticleFields.analyzer(this::commonWords);
    /** Searches index slices in parallel (vector searches, top hits, counts), so one query can use every core. */
    private final ExecutorService searchThreads = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), daemonThreads("index-search"));
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final DocumentUpserter upserter;
    private volatile long indexedSeq;
    private long writtenSeq;
    /** null until chosen for a new or rebuilt index. */
    private volatile CommonWords commonWords;

    @Inject
    public LuceneIndex(IndexConfig config) throws IOException {
        Path path = config.directory();
        Files.createDirectories(path);
        directory = FSDirectory.open(path);
        writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(config.ramBufferMb()));
        Map<String, String> committed = committedData();
        CommonWords paired = CommonWords.decode(committed.getOrDefault(COMMON_WORDS_KEY, ""));
        if (!ArticleFields.SCHEMA_VERSION.equals(committed.get(SCHEMA_KEY))) {
            rebuild(path, "is new or from another schema version");
        } else if (paired.chosenFromTooFewArticles() && writer.getDocStats().numDocs >= REBUILD_TO_CHOOSE_COMMON_WORDS_AT) {
            rebuild(path, "chose its common words from too few articles and now holds "
                    + writer.getDocStats().numDocs);
        } else {
            commonWords = paired;
            indexedSeq = Long.parseLong(committed.getOrDefault(CHANGE_SEQ_KEY, "0"));
            LOG.infof("Search index at %s resumes after change_seq %d (%s)", path.toAbsolutePath(), indexedSeq, paired);
        }
        writtenSeq = indexedSeq;
        searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                return new IndexSearcher(reader, searchThreads);
            }
        });
        upserter = new DocumentUpserter(writer, analyzer,
                config.writerThreads().orElse(Runtime.getRuntime().availableProcessors()));
    }

    private void rebuild(Path path, String why) throws IOException {
        writer.deleteAll();
        indexedSeq = 0;
        LOG.infof("Search index at %s %s: building it from the change feed", path.toAbsolutePath(), why);
    }

    /** Whether the index is new or rebuilt and waits for {@link #useCommonWords} before its first document. */
    public boolean needsCommonWords() {
        return commonWords == null;
    }

    /** The words this index pairs; none before they are chosen. */
    public CommonWords commonWords() {
        CommonWords words = commonWords;
        return words == null ? CommonWords.NONE : words;
    }

    /** Sets the words a new or rebuilt index pairs, for good: its documents must all be paired alike. */
    public synchronized void useCommonWords(CommonWords words) {
        if (commonWords != null) {
            throw new IllegalStateException("This index already pairs " + commonWords + "; rebuild it to choose others");
        }
        commonWords = words;
        LOG.infof("Search index pairs %s", words);
    }

    /** The last change_seq whose article is committed to the index and searchable; 0 when empty. */
    public long indexedSeq() {
        return indexedSeq;
    }

    /** The last change_seq whose article is in the index, possibly not yet committed and searchable. */
    public synchronized long writtenSeq() {
        return writtenSeq;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /**
     * Adds or replaces each article's document (one document per article id) and records
     * {@code lastSeq} as the change_seq the next commit contains. When adding fails part-way, the
     * recorded change_seq stays at the previous batch, so the batch is read and upserted again.
     */
    public synchronized void upsert(List<ArticleDocument> articles, long lastSeq) throws IOException {
        if (commonWords == null) {
            throw new IllegalStateException("Choose the index's common words (useCommonWords) before its first document");
        }
        upserter.upsertAll(articles);
        writer.setLiveCommitData(Map.of(
                CHANGE_SEQ_KEY, Long.toString(lastSeq),
                SCHEMA_KEY, ArticleFields.SCHEMA_VERSION,
                COMMON_WORDS_KEY, commonWords.encode()).entrySet());
        writtenSeq = lastSeq;
    }

    /** Commits everything upserted so far and makes it visible to searches. */
    public synchronized void publish() throws IOException {
        if (writtenSeq == indexedSeq) {
            return;
        }
        writer.commit();
        searchers.maybeRefresh();
        indexedSeq = writtenSeq;
    }

    /** Runs {@code work} on a current point-in-time searcher. */
    public <T> T search(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    public int documentCount() throws IOException {
        return search(searcher -> searcher.getIndexReader().numDocs());
    }

    @PreDestroy
    @Override
    public synchronized void close() throws IOException {
        upserter.close();
        searchers.close();
        searchThreads.shutdownNow();
        writer.close();
        directory.close();
    }

    private Map<String, String> committedData() {
        Map<String, String> data = new HashMap<>();
        var live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger created = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + created.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
