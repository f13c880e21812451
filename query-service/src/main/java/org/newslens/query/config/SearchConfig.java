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

    /**
     * How many different index terms a prefix (treat*), wildcard, regular expression or term range may
     * match in each index segment (1 or more). A pattern that matches more is refused with a 400 naming the
     * parameter, since searching it would read the postings of most of the index.
     */
    @WithDefault("10000")
    int maxTermExpansions();
}
