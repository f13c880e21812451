package org.newslens.query.search;

/**
 * Where searches run. Lucene on local disk today; a distributed engine (OpenSearch) can implement the
 * same contract when the corpus outgrows one node.
 */
public interface SearchBackend {

    /** @throws InvalidSearchException when the query cannot be understood; its field names the input */
    SearchResult search(SearchRequest request);
}
