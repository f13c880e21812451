package org.newslens.query;

import org.newslens.query.config.IndexConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;

/** Index settings for tests that open a {@link org.newslens.query.index.LuceneIndex} themselves: polls every second, 16 MB buffer. */
public record TestIndexConfig(Path directory, int batchSize, Duration commitInterval, int threads) implements IndexConfig {

    @Override
    public Duration pollInterval() {
        return Duration.ofSeconds(1);
    }

    @Override
    public int ramBufferMb() {
        return 16;
    }

    @Override
    public long readyLag() {
        return 0;
    }

    @Override
    public OptionalInt writerThreads() {
        return OptionalInt.of(threads);
    }
}
