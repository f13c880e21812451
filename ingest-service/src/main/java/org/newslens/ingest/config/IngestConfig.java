package org.newslens.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

@ConfigMapping(prefix = "newslens.ingest")
public interface IngestConfig {

    /** Largest accepted article body, in UTF-8 bytes. Longer texts are refused with 413. */
    @WithDefault("1000000")
    int maxTextBytes();

    /** Largest accepted HTML page, in UTF-8 bytes, when the body is given as {@code html}. */
    @WithDefault("5000000")
    int maxHtmlBytes();

    /** Largest accepted title, in characters. */
    @WithDefault("1000")
    int maxTitleChars();

    /**
     * Estimated Jaccard similarity of word 3-shingles (0..1) from which a new article is linked as a
     * near-duplicate of an earlier one. Syndicated copies with new boilerplate score about 0.9,
     * lightly edited versions 0.8, different outlets' reports of one event under 0.02.
     */
    @WithDefault("0.5")
    double nearDuplicateThreshold();

    /**
     * When set, write requests (POST, PUT, DELETE) must carry it in an {@code X-API-Key} header or as
     * {@code Authorization: Bearer <key>}. Unset (the default) leaves them open, as in local runs.
     */
    Optional<String> apiKey();

    /** Articles stored per transaction in bulk ingestion; results are reported after each commit. */
    @WithDefault("500")
    int bulkBatchSize();
}
