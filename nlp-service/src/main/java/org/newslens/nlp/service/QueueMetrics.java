package org.newslens.nlp.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.newslens.nlp.config.NlpConfig;
import org.newslens.nlp.domain.QueueDepth;

import java.util.function.ToDoubleFunction;

/**
 * Publishes the depth of nlp.jobs as gauges: {@code newslens_jobs{status="pending|running|failed"}} and
 * {@code newslens_jobs_oldest_pending_age_seconds}. The gauges are read on every scrape, from one reading
 * of the queue that is reused for {@code newslens.nlp.jobs.metrics-max-age}, so any number of scrapers
 * cost at most one query per interval. While the database cannot be read the gauges are NaN (unknown),
 * not a stale or zero depth that an autoscaler or alert would trust.
 */
@Startup
@Singleton
public class QueueMetrics {

    private static final Logger LOG = Logger.getLogger(QueueMetrics.class);
    private static final QueueDepth UNKNOWN = new QueueDepth(-1, -1, -1, Double.NaN);

    private final JobQueue queue;
    private final long maxAgeNanos;
    private QueueDepth depth = UNKNOWN;
    private long readAt;
    private boolean everRead;

    QueueMetrics(JobQueue queue, NlpConfig config, MeterRegistry registry) {
        this.queue = queue;
        this.maxAgeNanos = config.jobs().metricsMaxAge().toNanos();
        jobs(registry, "pending", QueueDepth::pending);
        jobs(registry, "running", QueueDepth::running);
        jobs(registry, "failed", QueueDepth::failed);
        Gauge.builder("newslens.jobs.oldest.pending.age", this, metrics -> metrics.depth().oldestPendingAgeSeconds())
                .description("Seconds the longest-waiting ready job (pending, due) has waited; 0 when none waits")
                .baseUnit("seconds")
                .register(registry);
    }

    private void jobs(MeterRegistry registry, String status, ToDoubleFunction<QueueDepth> count) {
        Gauge.builder("newslens.jobs", this, metrics -> {
                    QueueDepth read = metrics.depth();
                    return read == UNKNOWN ? Double.NaN : count.applyAsDouble(read);
                })
                .description("Enrichment jobs in nlp.jobs by status (all replicas together, read from the database)")
                .tag("status", status)
                .register(registry);
    }

    /** The latest reading, taken again once it is older than the maximum age. */
    synchronized QueueDepth depth() {
        long now = System.nanoTime();
        if (!everRead || now - readAt >= maxAgeNanos) {
            try {
                depth = queue.depth();
            } catch (Exception e) {
                LOG.debugf("Queue depth not readable (%s); the job gauges read NaN until it is", e.getClass().getName());
                depth = UNKNOWN;
            }
            readAt = now;
            everRead = true;
        }
        return depth;
    }
}
