package org.newslens.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "newslens.ingest")
public interface IngestConfig {

    /** Largest accepted article body, in UTF-8 bytes. Longer texts are refused with 413. */
    @WithDefault("1000000")
    int maxTextBytes();

    /** Largest accepted title, in characters. */
    @WithDefault("1000")
    int maxTitleChars();
}
