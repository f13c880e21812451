package org.newslens.query.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.newslens.query.client.QueryEmbedder;
import org.newslens.query.search.SearchBackend;
import org.newslens.query.search.SearchRequest;
import org.newslens.query.search.SearchResult;

/** Runs a search, first embedding the query text through nlp-service when the mode searches by meaning. */
@ApplicationScoped
public class ArticleSearch {

    private final SearchBackend backend;
    private final QueryEmbedder embedder;
    private final SearchMetrics metrics;

    ArticleSearch(SearchBackend backend, QueryEmbedder embedder, SearchMetrics metrics) {
        this.backend = backend;
        this.embedder = embedder;
        this.metrics = metrics;
    }

    public SearchResult search(SearchRequest request) {
        return metrics.time(request.mode(), () -> {
            SearchRequest ready = request.mode().needsEmbedding()
                    ? request.withQueryVector(embedder.embed(request.query())) : request;
            return backend.search(ready);
        });
    }
}
