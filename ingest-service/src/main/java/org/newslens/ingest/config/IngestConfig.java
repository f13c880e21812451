package org.newslens.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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

    /** Articles stored per transaction in bulk ingestion; results are reported after each commit. */
    @WithDefault("500")
    int bulkBatchSize();

    /** Limits on extracting an article from {@code html}, so that no page can hold a thread for long. */
    Html html();

    interface Html {

        /**
         * Deepest element nesting accepted. Readability's cost grows faster than the square of the depth
         * (one chain of 1,024 nested divs: 5.8 s); article pages nest 15 to 40 deep.
         */
        @WithDefault("128")
        int maxDepth();

        /** Most elements accepted in one page; heavy news pages have 3,000 to 15,000. */
        @WithDefault("30000")
        int maxElements();

        /** Time allowed for parsing a page and finding its main text; extraction stops when it runs out. */
        @WithDefault("1s")
        Duration maxTime();
    }
}
