package org.newslens.query.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.index.StoredFields;
import org.newslens.query.index.ArticleDocuments;
import org.newslens.query.index.ArticleFields;
import org.newslens.query.index.LuceneIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs searches on the local Lucene index. */
@ApplicationScoped
public class LuceneSearchBackend implements SearchBackend {

    /** Snippets are cut at sentence boundaries near this many characters. */
    private static final int SNIPPET_CHARS = 200;
    /** Where the first match sits in a snippet cut from a long sentence: a third in, so its context shows. */
    private static final float MATCH_POSITION = 0.33f;
    private static final Sort NEWEST_FIRST = newestFirst();

    private final LuceneIndex index;

    LuceneSearchBackend(LuceneIndex index) {
        this.index = index;
    }

    @Override
    public SearchResult search(SearchRequest request) {
        Query query = ArticleQueryParser.parse(request.query(), index.analyzer());
        try {
            return index.search(searcher -> run(searcher, query, request));
        } catch (IndexSearcher.TooManyClauses e) {
            throw InvalidSearchException.query("q expands to too many terms (a wildcard or prefix matches too much): "
                    + "make wildcard and prefix terms longer.");
        } catch (IOException e) {
            throw new UncheckedIOException("The search index could not be read", e);
        }
    }

    private SearchResult run(IndexSearcher searcher, Query query, SearchRequest request) throws IOException {
        TopDocs top = request.sort() == SortOrder.DATE
                ? searcher.search(query, request.size(), NEWEST_FIRST, true)
                : searcher.search(query, request.size());
        long total = searcher.count(query);
        String[] snippets = highlighter(searcher).highlight(ArticleFields.TEXT, query, top, 1);
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc scoreDoc = top.scoreDocs[i];
            hits.add(hit(stored.document(scoreDoc.doc), scoreDoc.score, snippets[i]));
        }
        return new SearchResult(total, hits);
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, index.analyzer())
                .withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_CHARS, MATCH_POSITION))
                .build();
    }

    private static SearchHit hit(Document doc, float score, String snippet) {
        return new SearchHit(ArticleDocuments.id(doc), doc.get(ArticleFields.TITLE), doc.get(ArticleFields.URL),
                snippet, ArticleDocuments.publishedAt(doc), doc.get(ArticleFields.SOURCE), doc.get(ArticleFields.LANG),
                score, ArticleDocuments.topEntities(doc));
    }

    private static Sort newestFirst() {
        SortField published = new SortField(ArticleFields.PUBLISHED, SortField.Type.LONG, true);
        published.setMissingValue(Long.MIN_VALUE);
        return new Sort(published, SortField.FIELD_SCORE);
    }
}
