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

    ArticleSearch(SearchBackend backend, QueryEmbedder embedder) {
        this.backend = backend;
        this.embedder = embedder;
    }

    public SearchResult search(SearchRequest request) {
        SearchRequest ready = request.mode().needsEmbedding()
                ? request.withQueryVector(embedder.embed(request.query())) : request;
        return backend.search(ready);
    }
}
