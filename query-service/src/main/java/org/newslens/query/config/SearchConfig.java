package org.newslens.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How searches run on the index. */
@ConfigMapping(prefix = "newslens.search")
public interface SearchConfig {

    /**
     * Nearest neighbours each vector search (semantic, hybrid, similar articles) collects per index
     * segment, at least the page size: the HNSW beam width at query time. More candidates find the true
     * nearest neighbours more often at a cost in latency; see bench/README.md for recall against exact
     * search at this default.
     */
    @WithDefault("400")
    int knnCandidates();
}
