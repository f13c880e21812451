package org.newslens.nlp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "newslens.nlp")
public interface NlpConfig {

    /** Largest text accepted by /analyze and by a job, in UTF-8 bytes. Longer texts get 413 (analyze) or fail (job). */
    @WithDefault("1000000")
    int maxTextBytes();

    /** Recorded on every enrichment, so that older enrichments can be found and redone after a pipeline change. */
    @WithDefault("1")
    int pipelineVersion();

    /** Job worker threads per replica, each analysing one article at a time (0 disables enrichment). */
    @WithDefault("2")
    int workers();

    /** The article embedding (all-MiniLM-L6-v2, 384 dimensions). */
    Embedding embedding();

    /** How the workers take jobs from nlp.jobs. */
    Jobs jobs();

    /** Background re-enrichment of articles enriched by an older pipeline version. */
    Reenrichment reenrichment();

    interface Reenrichment {

        /** How often old enrichments are looked for; {@code off} disables re-enrichment on this replica. */
        @WithDefault("30s")
        String every();

        /** Jobs requeued per sweep at most, and only while fewer than this many jobs wait. */
        @WithDefault("200")
        int batchSize();
    }

    interface Embedding {

        /**
         * Most chunks of 128 word pieces embedded per text (at least 1); the text beyond them does not count.
         * 64 chunks cover about 6,000 words at some 5 ms of CPU per chunk.
         */
        @WithDefault("64")
        int maxChunks();
    }

    interface Jobs {

        /** Jobs one worker claims at once (at least 1); the heartbeat keeps the leases of the whole batch. */
        @WithDefault("4")
        int batchSize();

        /** How long an idle worker sleeps before looking for jobs again; POST /api/v1/jobs/wake cuts it short. */
        @WithDefault("2s")
        Duration pollInterval();

        /**
         * How long a claimed job stays reserved without renewal. The holder renews it every third of this,
         * so it bounds how long the jobs of a crashed process wait before another worker (on any replica)
         * takes them over, not how long an enrichment may take. Longer than the database's longest hiccup.
         */
        @WithDefault("30s")
        Duration lease();

        /** Attempts before a job is marked failed (at least 1). */
        @WithDefault("5")
        int maxAttempts();

        /** Delay before the first retry; it doubles with each further attempt. */
        @WithDefault("10s")
        Duration retryBackoff();

        /** Longest delay between two attempts. */
        @WithDefault("1h")
        Duration maxRetryBackoff();

        /**
         * How long the queue gauges of /q/metrics (jobs by status, oldest pending age) reuse one reading of
         * nlp.jobs, so that frequent scrapes, or several scrapers, cost at most one query per this interval.
         */
        @WithDefault("5s")
        Duration metricsMaxAge();
    }
}
