package org.newslens.nlp.service;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.newslens.nlp.config.NlpConfig;
import org.newslens.nlp.domain.Job;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker threads of this replica. They start once the models are loaded; each claims a batch,
 * enriches it job by job, and when the queue is empty sleeps for the poll interval or until woken.
 * On shutdown they finish the job in hand and give the rest of their batch back.
 */
@Singleton
public class JobWorkers {

    private static final Logger LOG = Logger.getLogger(JobWorkers.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final JobQueue queue;
    private final JobProcessor processor;
    private final NlpConfig config;
    private final WakeSignal signal = new WakeSignal();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private boolean stopped;

    JobWorkers(JobQueue queue, JobProcessor processor, NlpConfig config) {
        this.queue = queue;
        this.processor = processor;
        this.config = config;
    }

    synchronized void start(@Observes ModelsLoaded loaded) {
        if (stopped || running) {
            return;
        }
        running = true;
        for (int i = 0; i < config.workers(); i++) {
            Thread thread = new Thread(this::work, "nlp-worker-" + i);
            thread.start();
            threads.add(thread);
        }
        LOG.infof("Started %d enrichment workers", config.workers());
    }

    /** Makes idle workers look for jobs now instead of at their next poll. */
    public void wake() {
        signal.wake();
    }

    synchronized void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        running = false;
        signal.wake();
        for (Thread thread : threads) {
            try {
                thread.join(STOP_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    private void work() {
        NlpConfig.Jobs jobs = config.jobs();
        while (running) {
            long seen = signal.generation();
            boolean idle;
            try {
                List<Job> batch = queue.claim(jobs.batchSize(), jobs.lease());
                for (Job job : batch) {
                    if (running) {
                        processor.process(job);
                    } else {
                        queue.release(job);
                    }
                }
                idle = batch.isEmpty();
            } catch (SQLException | RuntimeException e) {
                LOG.errorf("Job worker could not use the queue (%s); trying again after the poll interval", e.toString());
                seen = signal.generation();
                idle = true;
            }
            if (idle) {
                try {
                    signal.awaitAfter(seen, jobs.pollInterval());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
