package org.newslens.query.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.newslens.query.config.SearchConfig;
import org.newslens.query.index.ArticleDocuments;
import org.newslens.query.index.ArticleFields;
import org.newslens.query.index.LuceneIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs searches and aggregations on the local Lucene index; each aggregation is its own small class. */
@ApplicationScoped
public class LuceneSearchBackend implements SearchBackend {

    /** How deep each ranked list goes into reciprocal rank fusion, at least (or the page size). */
    private static final int FUSION_DEPTH = 50;

    /** Matches the top hits count before they may skip documents, when the total is counted apart (Lucene's default). */
    private static final int TOTAL_HITS_THRESHOLD = 1000;

    private final LuceneIndex index;
    private final int knnCandidates;
    private final int maxTermExpansions;

    LuceneSearchBackend(LuceneIndex index, SearchConfig config) {
        this.index = index;
        this.knnCandidates = config.knnCandidates();
        this.maxTermExpansions = config.maxTermExpansions();
        if (knnCandidates < 1) {
            throw new IllegalArgumentException("newslens.search.knn-candidates must be 1 or more, was " + knnCandidates);
        }
        if (maxTermExpansions < 1) {
            throw new IllegalArgumentException("newslens.search.max-term-expansions must be 1 or more, was " + maxTermExpansions);
        }
    }

    @Override
    public SearchResult search(SearchRequest request) {
        return read(searcher -> switch (request.mode()) {
            case LEXICAL -> lexical(searcher, request);
            case SEMANTIC -> semantic(searcher, request);
            case HYBRID -> hybrid(searcher, request);
        });
    }

    @Override
    public Optional<SearchResult> similar(long articleId, int size) {
        return read(searcher -> SimilarArticles.find(searcher, index.analyzer(), articleId, size, knnCandidates));
    }

    @Override
    public List<TimelineBucket> timeline(String query, TimelineInterval interval) {
        Query matches = parse(query);
        return read(searcher -> TimelineCounter.count(searcher, matches, interval));
    }

    @Override
    public EntityGraph graph(String query, int maxNodes) {
        Query matches = parse(query);
        return read(searcher -> CoOccurrenceCounter.count(searcher, matches, maxNodes));
    }

    @Override
    public List<SourceComparison> compare(String query) {
        Query matches = parse(query);
        return read(searcher -> SourceComparer.compare(searcher, matches));
    }

    @Override
    public long count(String query) {
        Query matches = parse(query);
        return read(searcher -> (long) searcher.count(matches));
    }

    @Override
    public Map<String, List<FacetValue>> facetsOfEntity(long entityId, List<String> facets, int top) {
        Query mentioning = new TermQuery(new Term(ArticleFields.ENTITY_ID, Long.toString(entityId)));
        return read(searcher -> FacetCounter.count(searcher, mentioning, facets, top));
    }

    @Override
    public Map<Long, Long> articlesMentioning(Collection<Long> entityIds) {
        return read(searcher -> EntityArticleCounter.count(searcher, entityIds));
    }

    @Override
    public long export(String query, ExportSink sink) {
        Query matches = parse(query);
        return read(searcher -> ArticleExporter.export(searcher, matches, sink));
    }

    private SearchResult lexical(IndexSearcher searcher, SearchRequest request) throws IOException {
        Query written = written(request.query(), "q");
        Query query = searcher.rewrite(filtered(matching(written), filter(request)));
        SearchCursor cursor = request.cursor() == null ? null : SearchCursor.decode(request.cursor(), request.sort());
        // one more than asked for tells whether another page follows
        int wanted = request.size() + 1;
        Sort sort = SearchSorts.of(request.sort());
        FieldDoc after = cursor == null ? null : SearchSorts.after(cursor, searcher.getIndexReader().maxDoc());
        // A phrase still matched by positions (one with a rarer word, a proximity phrase, or the final
        // check of a longer one) is verified by reading them, which dominates its cost; counting the total
        // apart would read them all a second time, so the top hits collector counts every match exactly in
        // the same pass. Other queries (terms, their conjunctions and disjunctions, ranges) keep the top
        // hits skipping uncompetitive documents and are counted apart, without scores or positions.
        boolean onePass = hasPositions(query);
        TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(sort, wanted, after,
                onePass ? Integer.MAX_VALUE : TOTAL_HITS_THRESHOLD, true));
        TopFieldCollector.populateScores(top.scoreDocs, searcher, query);
        long total = top.totalHits.relation != TotalHits.Relation.EQUAL_TO
                ? searcher.count(query) : top.totalHits.value;
        ScoreDoc[] page = Arrays.copyOf(top.scoreDocs, Math.min(request.size(), top.scoreDocs.length));
        String next = top.scoreDocs.length > request.size()
                ? SearchSorts.cursorAt((FieldDoc) page[page.length - 1], request.sort()).encode() : null;
        return new SearchResult(total, HitReader.read(searcher, index.analyzer(), written, page), next,
                FacetCounter.count(searcher, query, request.facets(), SearchRequest.MAX_FACET_VALUES));
    }

    /** Whether {@code query} matches (not just excludes) by phrase, which reads term positions. */
    static boolean hasPositions(Query query) {
        boolean[] found = {false};
        query.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }

            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                found[0] |= leaf instanceof PhraseQuery || leaf instanceof MultiPhraseQuery;
            }
        });
        return found[0];
    }

    private SearchResult semantic(IndexSearcher searcher, SearchRequest request) throws IOException {
        Query knn = nearest(searcher, request.queryVector(), request.size(), filter(request));
        ScoreDoc[] page = searcher.search(knn, request.size()).scoreDocs;
        return new SearchResult(page.length, HitReader.read(searcher, index.analyzer(), highlightFor(request.query()), page),
                null, FacetCounter.count(searcher, knn, request.facets(), SearchRequest.MAX_FACET_VALUES));
    }

    private SearchResult hybrid(IndexSearcher searcher, SearchRequest request) throws IOException {
        Query written = written(request.query(), "q");
        Query filter = filter(request);
        Query lexical = filtered(matching(written), filter);
        Query knn = nearest(searcher, request.queryVector(), request.size(), filter);
        int depth = Math.max(FUSION_DEPTH, request.size());
        ScoreDoc[] bm25 = searcher.search(lexical, depth).scoreDocs;
        ScoreDoc[] vector = searcher.search(knn, depth).scoreDocs;
        ScoreDoc[] fused = RankFusion.fuse(Integer.MAX_VALUE, bm25, vector);
        ScoreDoc[] page = Arrays.copyOf(fused, Math.min(request.size(), fused.length));
        Query either = new BooleanQuery.Builder()
                .add(lexical, BooleanClause.Occur.SHOULD).add(knn, BooleanClause.Occur.SHOULD).build();
        return new SearchResult(fused.length, HitReader.read(searcher, index.analyzer(), written, page), null,
                FacetCounter.count(searcher, either, request.facets(), SearchRequest.MAX_FACET_VALUES));
    }

    /**
     * The nearest articles to {@code vector} among those matching {@code filter} (null: all of them),
     * searched once: the rewritten query holds the neighbours found, so hits and facets use the same ones.
     */
    private Query nearest(IndexSearcher searcher, float[] vector, int size, Query filter) throws IOException {
        return searcher.rewrite(new KnnFloatVectorQuery(ArticleFields.VECTOR, ArticleDocuments.unitLength(vector),
                Math.max(knnCandidates, size), filter));
    }

    /** The request's filter as a query to match with, or null when it has none. */
    private Query filter(SearchRequest request) {
        return request.filter() == null ? null : matching(written(request.filter(), "filter"));
    }

    private static Query filtered(Query query, Query filter) {
        return filter == null ? query : new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
    }

    /** Semantic queries are prose, not query syntax: highlight their words where they parse, else none. */
    private Query highlightFor(String q) {
        try {
            return written(q, "q");
        } catch (InvalidSearchException e) {
            return new MatchNoDocsQuery();
        }
    }

    private Query parse(String q) {
        return matching(written(q, "q"));
    }

    /** The query to match with: as written, with exact phrases of common words looked up by word pairs. */
    private Query matching(Query written) {
        return WordPairPhrases.rewrite(written, index.commonWords());
    }

    /**
     * The query as the user wrote it in request parameter {@code parameter}, phrases as positions: what the
     * highlighter marks in snippets.
     */
    private Query written(String q, String parameter) {
        return ArticleQueryParser.parse(q, parameter, index.analyzer(), maxTermExpansions);
    }

    private <T> T read(LuceneIndex.SearcherWork<T> work) {
        try {
            return index.search(work);
        } catch (IndexSearcher.TooManyClauses e) {
            throw InvalidSearchException.query("expands to too many terms (a wildcard or prefix matches too much): "
                    + "make wildcard and prefix terms longer.");
        } catch (IOException e) {
            throw new UncheckedIOException("The search index could not be read", e);
        }
    }
}
