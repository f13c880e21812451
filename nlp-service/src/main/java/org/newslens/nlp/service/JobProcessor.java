package org.newslens.nlp.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.newslens.nlp.config.NlpConfig;
import org.newslens.nlp.domain.Job;
import org.newslens.nlp.pipeline.AnalysisPipeline;
import org.newslens.nlp.pipeline.Document;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Enriches one claimed job: analysis runs outside any transaction, the result is written in one.
 * A failed attempt is retried with exponential backoff until the attempts run out. An attempt whose
 * lease was taken over writes nothing and leaves the job to its new holder; a database outage is not
 * the job's fault and goes to the caller, the job waiting for its lease to run out.
 */
@ApplicationScoped
public class JobProcessor {

    private static final Logger LOG = Logger.getLogger(JobProcessor.class);

    private final AnalysisPipeline pipeline;
    private final EnrichmentWriter writer;
    private final JobQueue queue;
    private final TextSizeLimit sizeLimit;
    private final NlpConfig.Jobs config;
    private final JobMetrics metrics;

    JobProcessor(AnalysisPipeline pipeline, EnrichmentWriter writer, JobQueue queue, TextSizeLimit sizeLimit,
                 NlpConfig config, JobMetrics metrics) {
        this.pipeline = pipeline;
        this.writer = writer;
        this.queue = queue;
        this.sizeLimit = sizeLimit;
        this.config = config.jobs();
        this.metrics = metrics;
    }

    public void process(Job job) throws SQLException {
        if (job.attempts() > config.maxAttempts()) {
            // only a job whose lease kept running out (its worker died or hung) gets here
            queue.fail(job, "Gave up after " + config.maxAttempts() + " attempts whose leases expired unfinished");
            metrics.failed();
            return;
        }
        if (job.text() == null) {
            queue.fail(job, "Article " + job.articleId() + " is no longer stored in ingest.articles");
            metrics.failed();
            return;
        }
        try {
            long started = System.nanoTime();
            sizeLimit.check("text", job.text());
            Document document = pipeline.analyze(job.text(), job.title(), job.languageHint());
            long sequence = writer.write(job, document);
            metrics.enriched(Duration.ofNanos(System.nanoTime() - started));
            LOG.debugf("Enriched article %d (change %d)", job.articleId(), sequence);
        } catch (LeaseLostException e) {
            metrics.leaseLost();
            LOG.infof("Article %d: the lease ran out and another worker took the job over; this attempt stores nothing",
                    job.articleId());
        } catch (Exception e) {
            if (DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            // the message goes to nlp.jobs.last_error, not to the log: it may quote the article's text
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (job.attempts() >= config.maxAttempts()) {
                LOG.errorf("Enrichment of article %d failed for good after %d attempts (%s; see nlp.jobs.last_error)",
                        job.articleId(), job.attempts(), e.getClass().getName());
                queue.fail(job, error);
                metrics.failed();
            } else {
                Duration delay = backoff(job.attempts());
                LOG.warnf("Enrichment of article %d failed (attempt %d, next in %s): %s; see nlp.jobs.last_error",
                        job.articleId(), job.attempts(), delay, e.getClass().getName());
                queue.retryLater(job, error, delay);
                metrics.retrying();
            }
        }
    }

    private Duration backoff(int attempts) {
        Duration delay = config.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 30));
        return delay.compareTo(config.maxRetryBackoff()) > 0 ? config.maxRetryBackoff() : delay;
    }
}
