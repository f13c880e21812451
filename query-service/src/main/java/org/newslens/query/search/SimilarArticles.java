package org.newslens.query.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.newslens.query.index.ArticleFields;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Nearest neighbours of one article's own embedding, the article itself excluded. */
final class SimilarArticles {

    private SimilarArticles() {
    }

    /**
     * Empty when the article is not indexed; no hits when it has no embedding. {@code candidates}: the
     * neighbours collected per segment, at least {@code size}.
     */
    static Optional<SearchResult> find(IndexSearcher searcher, Analyzer analyzer, long articleId, int size,
                                       int candidates) throws IOException {
        TermQuery self = new TermQuery(new Term(ArticleFields.ID, Long.toString(articleId)));
        TopDocs found = searcher.search(self, 1);
        if (found.scoreDocs.length == 0) {
            return Optional.empty();
        }
        float[] vector = vectorOf(searcher, found.scoreDocs[0].doc);
        if (vector == null) {
            return Optional.of(new SearchResult(0, List.of(), null, Map.of()));
        }
        BooleanQuery others = new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
                .add(self, BooleanClause.Occur.MUST_NOT).build();
        KnnFloatVectorQuery knn = new KnnFloatVectorQuery(ArticleFields.VECTOR, vector,
                Math.max(candidates, size), others);
        ScoreDoc[] hits = searcher.search(knn, size).scoreDocs;
        return Optional.of(new SearchResult(hits.length,
                HitReader.read(searcher, analyzer, new MatchNoDocsQuery(), hits), null, Map.of()));
    }

    private static float[] vectorOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(ArticleFields.VECTOR);
        int local = doc - leaf.docBase;
        if (values == null || values.advance(local) != local) {
            return null;
        }
        return values.vectorValue().clone();
    }
}
