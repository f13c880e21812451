package org.newslens.nlp.service;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
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
    private static final AttributeKey<Long> ARTICLE_ID = AttributeKey.longKey("newslens.article.id");
    private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("newslens.job.attempt");
    private static final AttributeKey<Long> CHANGE_SEQ = AttributeKey.longKey("newslens.change_seq");

    private final AnalysisPipeline pipeline;
    private final EnrichmentWriter writer;
    private final JobQueue queue;
    private final TextSizeLimit sizeLimit;
    private final NlpConfig.Jobs config;
    private final JobMetrics metrics;
    private final Tracer tracer;

    JobProcessor(AnalysisPipeline pipeline, EnrichmentWriter writer, JobQueue queue, TextSizeLimit sizeLimit,
                 NlpConfig config, JobMetrics metrics, Tracer tracer) {
        this.pipeline = pipeline;
        this.writer = writer;
        this.queue = queue;
        this.sizeLimit = sizeLimit;
        this.config = config.jobs();
        this.metrics = metrics;
        this.tracer = tracer;
    }

    /**
     * Runs in an "enrich article" span that continues the trace stored with the job (the ingest request's),
     * or starts a new trace where the job has none; the stages' spans are its children.
     */
    public void process(Job job) throws SQLException {
        Span span = tracer.spanBuilder("enrich article")
                .setParent(TraceParent.context(job.traceparent()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(ARTICLE_ID, job.articleId())
                .setAttribute(ATTEMPT, (long) job.attempts())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            enrich(job, span);
        } finally {
            span.end();
        }
    }

    private void enrich(Job job, Span span) throws SQLException {
        if (job.attempts() > config.maxAttempts()) {
            // only a job whose lease kept running out (its worker died or hung) gets here
            span.setStatus(StatusCode.ERROR, "attempts exhausted");
            queue.fail(job, "Gave up after " + config.maxAttempts() + " attempts whose leases expired unfinished");
            metrics.failed();
            return;
        }
        if (job.text() == null) {
            span.setStatus(StatusCode.ERROR, "article no longer stored");
            queue.fail(job, "Article " + job.articleId() + " is no longer stored in ingest.articles");
            metrics.failed();
            return;
        }
        try {
            long started = System.nanoTime();
            sizeLimit.check("text", job.text());
            Document document = pipeline.analyze(job.text(), job.title(), job.languageHint());
            long sequence = writer.write(job, document, TraceParent.current());
            metrics.enriched(Duration.ofNanos(System.nanoTime() - started));
            span.setAttribute(CHANGE_SEQ, sequence);
            LOG.debugf("Enriched article %d (change %d)", job.articleId(), sequence);
        } catch (LeaseLostException e) {
            metrics.leaseLost();
            LOG.infof("Article %d: the lease ran out and another worker took the job over; this attempt stores nothing",
                    job.articleId());
        } catch (Exception e) {
            // the exception's type only: its message may quote the article's text
            span.setStatus(StatusCode.ERROR, e.getClass().getName());
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
