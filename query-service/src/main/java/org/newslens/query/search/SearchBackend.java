package org.newslens.query.search;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where searches and aggregations over articles run. Lucene on local disk today; a distributed engine
 * (OpenSearch) can implement the same contract when the corpus outgrows one node. Every method throws
 * {@link InvalidSearchException} when the query cannot be understood; its field names the input.
 */
public interface SearchBackend {

    /** A page of hits, with facet counts over the whole match set when asked for. */
    SearchResult search(SearchRequest request);

    /**
     * Up to {@code size} articles nearest in meaning to article {@code articleId}, itself excluded. Empty
     * when the article is not indexed; no hits when it has no embedding.
     */
    Optional<SearchResult> similar(long articleId, int size);

    /** Matching articles per time bucket, with their share of all articles and their mean tone. */
    List<TimelineBucket> timeline(String query, TimelineInterval interval);

    /** The co-occurrence network of the matching articles' entities, its {@code maxNodes} most frequent. */
    EntityGraph graph(String query, int maxNodes);

    /** Per source over the matching articles: count, mean tone, framing by category, quantities; most articles first. */
    List<SourceComparison> compare(String query);

    /** The number of articles matching {@code query} (every article when it is null or blank). */
    long count(String query);

    /** Counts of {@code facets} over the indexed articles that mention entity {@code entityId}, the {@code top} values of each. */
    Map<String, List<FacetValue>> facetsOfEntity(long entityId, List<String> facets, int top);

    /** How many indexed articles mention each of {@code entityIds}; 0 for those none mentions. */
    Map<Long, Long> articlesMentioning(Collection<Long> entityIds);

    /** Hands every matching article to {@code sink}, newest first; returns how many. */
    long export(String query, ExportSink sink);

    @FunctionalInterface
    interface ExportSink {
        void accept(ExportedArticle article) throws IOException;
    }
}
