package org.newslens.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;

/** The local Lucene index: a read model of the nlp change feed that can always be rebuilt. */
@ConfigMapping(prefix = "newslens.index")
public interface IndexConfig {

    /**
     * Where the index lives, relative to the working directory unless absolute. Deleting it is safe:
     * the next start rebuilds it from the change feed.
     */
    @WithDefault(".newslens/query-index")
    Path directory();

    /** How often the indexer looks for new enrichments, e.g. 1s or 500ms. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Enrichments read and committed per batch (1 or more); larger batches rebuild faster, smaller ones show changes sooner. */
    @WithDefault("500")
    int batchSize();
}
