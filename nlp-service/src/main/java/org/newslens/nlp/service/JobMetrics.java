package org.newslens.nlp.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * What this replica's workers did with the jobs they claimed ({@code newslens_job_attempts_total{outcome}})
 * and how long an article took from claim to committed enrichment ({@code newslens_enrichment_seconds}).
 * All outcomes are registered at start, so every series exists (at 0) before its first event.
 */
@Startup
@Singleton
public class JobMetrics {

    /** Histogram buckets: a seed-sized article takes ~70 ms on a free core, a long one several seconds. */
    private static final Duration[] ENRICHMENT_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final Counter enriched;
    private final Counter retrying;
    private final Counter failed;
    private final Counter leaseLost;
    private final Timer enrichment;

    JobMetrics(MeterRegistry registry) {
        enriched = attempts(registry, "enriched");
        retrying = attempts(registry, "retrying");
        failed = attempts(registry, "failed");
        leaseLost = attempts(registry, "lease_lost");
        enrichment = Timer.builder("newslens.enrichment")
                .description("Time to enrich one article: analysis by every stage plus the transaction that stores it")
                .serviceLevelObjectives(ENRICHMENT_BUCKETS)
                .register(registry);
    }

    void enriched(Duration took) {
        enriched.increment();
        enrichment.record(took);
    }

    /** The attempt failed and the job waits for another. */
    void retrying() {
        retrying.increment();
    }

    /** The job was given up: it stays failed until retried through the API. */
    void failed() {
        failed.increment();
    }

    /** Another worker took the job over; this attempt stored nothing. */
    void leaseLost() {
        leaseLost.increment();
    }

    private static Counter attempts(MeterRegistry registry, String outcome) {
        return Counter.builder("newslens.job.attempts")
                .description("Claimed enrichment jobs by how the attempt ended: enriched, retrying (failed, tried again "
                        + "later), failed (given up), lease_lost (taken over by another worker)")
                .tag("outcome", outcome)
                .register(registry);
    }
}
