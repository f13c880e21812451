package org.newslens.query;

import org.newslens.query.config.SearchConfig;

/** Search settings for tests that build a {@link org.newslens.query.search.LuceneSearchBackend} themselves. */
public record TestSearchConfig(int knnCandidates, int maxTermExpansions) implements SearchConfig {

    /** The service's defaults. */
    public static final TestSearchConfig DEFAULTS = new TestSearchConfig(400, 10_000);
}
