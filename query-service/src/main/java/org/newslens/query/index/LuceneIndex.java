package org.newslens.query.index;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
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

/**
 * The on-disk Lucene index of articles. Each commit records the last change_seq it contains, so a
 * restart resumes from there, and a missing (or differently shaped) index starts again from 0.
 */
@Startup // open (or fail on) the index directory at boot, not on the first search
@Singleton
public class LuceneIndex implements Closeable {

    /** Commit user data key holding the last change_seq the commit contains. */
    public static final String CHANGE_SEQ_KEY = "newslens.change_seq";
    static final String SCHEMA_KEY = "newslens.schema";

    private static final Logger LOG = Logger.getLogger(LuceneIndex.class);

    private final Analyzer analyzer = ArticleFields.analyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile long indexedSeq;

    @Inject
    LuceneIndex(IndexConfig config) throws IOException {
        this(config.directory());
    }

    public LuceneIndex(Path path) throws IOException {
        Files.createDirectories(path);
        directory = FSDirectory.open(path);
        writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        Map<String, String> committed = committedData();
        if (ArticleFields.SCHEMA_VERSION.equals(committed.get(SCHEMA_KEY))) {
            indexedSeq = Long.parseLong(committed.getOrDefault(CHANGE_SEQ_KEY, "0"));
            LOG.infof("Search index at %s resumes after change_seq %d", path.toAbsolutePath(), indexedSeq);
        } else {
            writer.deleteAll();
            indexedSeq = 0;
            LOG.infof("Search index at %s is new or from another schema version: building it from the change feed",
                    path.toAbsolutePath());
        }
        searchers = new SearcherManager(writer, null);
    }

    /** The last change_seq whose article is committed to the index; 0 when empty. */
    public long indexedSeq() {
        return indexedSeq;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /**
     * Adds or replaces each article's document (one document per article id) and commits them together
     * with {@code lastSeq}, then makes them visible to searches.
     */
    public synchronized void upsert(List<ArticleDocument> articles, long lastSeq) throws IOException {
        for (ArticleDocument article : articles) {
            writer.updateDocument(new Term(ArticleFields.ID, Long.toString(article.id())),
                    ArticleDocuments.toDocument(article, analyzer));
        }
        writer.setLiveCommitData(Map.of(
                CHANGE_SEQ_KEY, Long.toString(lastSeq),
                SCHEMA_KEY, ArticleFields.SCHEMA_VERSION).entrySet());
        writer.commit();
        indexedSeq = lastSeq;
        searchers.maybeRefresh();
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
        searchers.close();
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

    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
