package org.newslens.query.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.newslens.query.index.ArticleDocuments;
import org.newslens.query.index.ArticleFields;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns ranked documents into hits: stored fields, tone, and a highlighted snippet of the text. */
final class HitReader {

    /** Snippets are cut at sentence boundaries near this many characters. */
    private static final int SNIPPET_CHARS = 200;
    /** Where the first match sits in a snippet cut from a long sentence: a third in, so its context shows. */
    private static final float MATCH_POSITION = 0.33f;

    private HitReader() {
    }

    /**
     * Hits for {@code ranked}, in that order. {@code highlight} marks words in snippets; where it matches
     * nothing in an article (semantic hits), the snippet is the article's opening passage.
     */
    static List<SearchHit> read(IndexSearcher searcher, Analyzer analyzer, Query highlight, ScoreDoc[] ranked)
            throws IOException {
        TopDocs docs = new TopDocs(new TotalHits(ranked.length, TotalHits.Relation.EQUAL_TO), ranked);
        String[] snippets = highlighter(searcher, analyzer).highlight(ArticleFields.TEXT, highlight, docs, 1);
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(ranked.length);
        for (int i = 0; i < ranked.length; i++) {
            hits.add(hit(stored.document(ranked[i].doc), ranked[i].score, snippets[i]));
        }
        return hits;
    }

    static SearchHit hit(Document doc, float score, String snippet) {
        Double tone = ArticleDocuments.toneScore(doc);
        return new SearchHit(ArticleDocuments.id(doc), doc.get(ArticleFields.TITLE), doc.get(ArticleFields.URL),
                snippet, ArticleDocuments.publishedAt(doc), doc.get(ArticleFields.SOURCE), doc.get(ArticleFields.LANG),
                score, ArticleDocuments.topEntities(doc),
                tone == null ? null : new SearchHit.Tone(tone, ArticleDocuments.toneLabel(doc)));
    }

    private static UnifiedHighlighter highlighter(IndexSearcher searcher, Analyzer analyzer) {
        return UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<b>", "</b>", " … ", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_CHARS, MATCH_POSITION))
                .withMaxNoHighlightPassages(1)
                .build();
    }
}
