package org.newslens.nlp.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.newslens.nlp.config.NlpConfig;

import java.sql.SQLException;

/**
 * After the pipeline version is raised, requeues older articles a batch at a time behind new ones,
 * so the whole corpus is re-enriched in the background. Any replica may sweep: the requeue is one
 * idempotent statement.
 */
@ApplicationScoped
public class ReenrichmentSweeper {

    private static final Logger LOG = Logger.getLogger(ReenrichmentSweeper.class);

    private final JobQueue queue;
    private final JobWorkers workers;
    private final DatabaseOutageLog outages;
    private final NlpConfig config;

    ReenrichmentSweeper(JobQueue queue, JobWorkers workers, DatabaseOutageLog outages, NlpConfig config) {
        this.queue = queue;
        this.workers = workers;
        this.outages = outages;
        this.config = config;
    }

    @Scheduled(every = "${newslens.nlp.reenrichment.every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int requeued = queue.requeueOutdated(config.pipelineVersion(), config.reenrichment().batchSize());
            if (requeued > 0) {
                LOG.infof("Requeued %d articles enriched by a pipeline older than version %d", requeued,
                        config.pipelineVersion());
                workers.wake();
            }
        } catch (SQLException | RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                outages.unavailable("sweeping for re-enrichment", e);
            } else {
                LOG.warnf("Re-enrichment sweep failed (%s); trying again at the next sweep", e.getClass().getName());
            }
        }
    }
}
