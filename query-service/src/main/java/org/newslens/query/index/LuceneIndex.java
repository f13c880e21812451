package org.newslens.query.index;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.jboss.logging.Logger;
import org.newslens.query.config.IndexConfig;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * contains, so a restart resumes from there, and a missing, unreadable (or differently shaped) index
 * starts again from 0. Each index pairs its own {@link CommonWords}, chosen before its first document and
 * kept in its commits. An index lost or damaged while running is {@link #reopen() reopened} the same way.
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
    private final IndexConfig config;
    private final Path path;
    // One opening of the index directory; all replaced together when the index is lost or damaged (reopen).
    private Directory directory;
    private IndexWriter writer;
    private volatile SearcherManager searchers;
    private DocumentUpserter upserter;
    private volatile long indexedSeq;
    private long writtenSeq;
    /** null until chosen for a new or rebuilt index. */
    private volatile CommonWords commonWords;
    /** Whether this opening started empty (a new, lost or damaged index, or one of another shape) and is built from the feed. */
    private volatile boolean rebuilding;
    private boolean closed;

    @Inject
    public LuceneIndex(IndexConfig config) throws IOException {
        this.config = config;
        this.path = config.directory();
        open(Logger.Level.WARN);
    }

    /**
     * Opens the configured directory: resumes the index there, or starts it empty (new, from another
     * schema version, or unreadable, which is logged at {@code unreadable}). Always leaves a commit behind,
     * so {@link #verify()} has one to read.
     */
    private void open(Logger.Level unreadable) throws IOException {
        Files.createDirectories(path);
        directory = FSDirectory.open(path);
        commonWords = null;
        rebuilding = false;
        try {
            writer = newWriter(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        } catch (IOException e) {
            if (!IndexDamage.isDamage(e)) {
                directory.close();
                throw e;
            }
            LOG.logf(unreadable, "Search index at %s cannot be read (%s): starting it again empty", path.toAbsolutePath(),
                    IndexDamage.describe(e));
            deleteIndexFiles();
            writer = newWriter(IndexWriterConfig.OpenMode.CREATE);
        }
        Map<String, String> committed = committedData();
        CommonWords paired = CommonWords.decode(committed.getOrDefault(COMMON_WORDS_KEY, ""));
        if (!ArticleFields.SCHEMA_VERSION.equals(committed.get(SCHEMA_KEY))) {
            rebuild("is new or from another schema version");
        } else if (paired.chosenFromTooFewArticles() && writer.getDocStats().numDocs >= REBUILD_TO_CHOOSE_COMMON_WORDS_AT) {
            rebuild("chose its common words from too few articles and now holds " + writer.getDocStats().numDocs);
        } else {
            commonWords = paired;
            indexedSeq = Long.parseLong(committed.getOrDefault(CHANGE_SEQ_KEY, "0"));
            LOG.infof("Search index at %s resumes after change_seq %d (%s)", path.toAbsolutePath(), indexedSeq, paired);
        }
        writer.commit();
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

    private IndexWriter newWriter(IndexWriterConfig.OpenMode mode) throws IOException {
        return new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setOpenMode(mode)
                .setRAMBufferSizeMB(config.ramBufferMb()));
    }

    /** Empties the index, and its commit data too: a restart before the first publish must not resume. */
    private void rebuild(String why) throws IOException {
        writer.deleteAll();
        writer.setLiveCommitData(Map.<String, String>of().entrySet());
        indexedSeq = 0;
        rebuilding = true;
        LOG.infof("Search index at %s %s: building it from the change feed", path.toAbsolutePath(), why);
    }

    /**
     * Deletes the files Lucene wrote (segments, their parts, pending commits), and nothing else: the
     * configured directory may hold other files, which are not ours to delete.
     */
    private void deleteIndexFiles() throws IOException {
        for (String name : directory.listAll()) {
            if (IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches() || name.startsWith(IndexFileNames.SEGMENTS)
                    || name.startsWith(IndexFileNames.PENDING_SEGMENTS)) {
                directory.deleteFile(name);
            }
        }
    }

    /**
     * Throws when the open index has lost its files or holds a commit that cannot be read: its directory
     * or lock file is gone, the writer failed for good, or the last commit (segments_N and each segment's
     * .si, all checksummed) does not read back. Cheap enough to run every poll: a few small files.
     */
    public synchronized void verify() throws IOException {
        if (writer.getTragicException() != null) {
            throw new IOException("the index writer failed for good", writer.getTragicException());
        }
        if (!hasLockFile()) {
            throw new NoSuchFileException(path.resolve(IndexWriter.WRITE_LOCK_NAME).toString(), null,
                    "the index directory or its lock file was deleted");
        }
        SegmentInfos.readLatestCommit(directory);
    }

    /** Whether the index directory still holds this process's lock file: false once it was deleted. */
    public boolean hasLockFile() {
        return Files.exists(path.resolve(IndexWriter.WRITE_LOCK_NAME));
    }

    /**
     * Drops the open index without committing and opens the configured directory again: an intact commit
     * resumes, a lost or unreadable index starts empty, to be rebuilt from the change feed. Searches
     * running meanwhile finish on the old one. Whoever reopens it has warned already: an index that cannot
     * be read is only noted.
     */
    public synchronized void reopen() throws IOException {
        if (closed) {
            throw new IllegalStateException("The search index is closed");
        }
        closeOpened();
        open(Logger.Level.INFO);
    }

    /** Whether this opening of the index started empty and is being built from the change feed. */
    public boolean rebuilding() {
        return rebuilding;
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
        SearcherManager manager = searchers;
        IndexSearcher searcher;
        try {
            searcher = manager.acquire();
        } catch (AlreadyClosedException e) {
            // the index was reopened between reading the field and acquiring: use the new one
            manager = searchers;
            searcher = manager.acquire();
        }
        try {
            return work.apply(searcher);
        } finally {
            manager.release(searcher);
        }
    }

    public int documentCount() throws IOException {
        return search(searcher -> searcher.getIndexReader().numDocs());
    }

    @PreDestroy
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        upserter.close();
        searchers.close();
        searchThreads.shutdownNow();
        writer.close();
        directory.close();
    }

    /** Closes the opened index without committing; failures are expected (its files may be gone) and ignored. */
    private void closeOpened() {
        upserter.close();
        IOUtils.closeWhileHandlingException(searchers, writer::rollback, directory);
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
