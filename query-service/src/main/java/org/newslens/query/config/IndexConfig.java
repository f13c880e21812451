package org.newslens.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;

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

    /** Enrichments read from the change feed per query (1 or more). */
    @WithDefault("2000")
    int batchSize();

    /**
     * During a catch-up that lasts longer than this, how often the indexer commits and makes the new
     * documents searchable; a catch-up always ends with one. Each commit flushes in-memory segments and
     * syncs them to disk, so a longer interval builds faster (fewer, larger segments) and a crash redoes
     * at most this much work.
     */
    @WithDefault("10s")
    Duration commitInterval();

    /** Memory in MB for documents not yet flushed to a segment (Lucene's RAM buffer, 1 or more). */
    @WithDefault("256")
    int ramBufferMb();

    /** Threads that analyse and add documents at once; default: one per available processor. */
    OptionalInt writerThreads();

    /**
     * How far (in change_seq) the index may trail the change feed's head and count as caught up (0 or
     * more). After a start or a rebuild the service is not ready until a catch-up ends this close to the
     * head; later lag is reported but does not make it unready.
     */
    @WithDefault("100")
    long readyLag();
}
