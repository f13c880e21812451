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
 * enriches it job by job while the heartbeat keeps the batch's leases alive, and when the queue is
 * empty sleeps for the poll interval or until woken. While the database is unavailable they keep
 * polling at that pace, logging the outage once. On shutdown they finish the job in hand and give
 * the rest of their batch back.
 */
@Singleton
public class JobWorkers {

    private static final Logger LOG = Logger.getLogger(JobWorkers.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final JobQueue queue;
    private final JobProcessor processor;
    private final LeaseHeartbeat heartbeat;
    private final LeaseOwner owner;
    private final DatabaseOutageLog outages;
    private final NlpConfig config;
    private final WakeSignal signal = new WakeSignal();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private boolean stopped;

    JobWorkers(JobQueue queue, JobProcessor processor, LeaseHeartbeat heartbeat, LeaseOwner owner,
               DatabaseOutageLog outages, NlpConfig config) {
        this.queue = queue;
        this.processor = processor;
        this.heartbeat = heartbeat;
        this.owner = owner;
        this.outages = outages;
        this.config = config;
    }

    synchronized void start(@Observes ModelsLoaded loaded) {
        if (stopped || running) {
            return;
        }
        running = true;
        heartbeat.start();
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
        heartbeat.stop();
    }

    /**
     * Enriches the batch job by job. A database outage ends the batch: the jobs not done keep their
     * leases until these run out, then any worker takes them again.
     */
    private void work(List<Job> batch) throws SQLException {
        heartbeat.hold(batch);
        try {
            for (Job job : batch) {
                try {
                    if (running) {
                        processor.process(job);
                    } else {
                        queue.release(job);
                    }
                } finally {
                    heartbeat.drop(job);
                }
            }
        } finally {
            batch.forEach(heartbeat::drop);
        }
    }

    private void work() {
        NlpConfig.Jobs jobs = config.jobs();
        while (running) {
            long seen = signal.generation();
            boolean idle;
            try {
                List<Job> batch = queue.claim(owner.name(), jobs.batchSize(), jobs.lease());
                outages.reachable();
                work(batch);
                idle = batch.isEmpty();
            } catch (SQLException | RuntimeException e) {
                if (DatabaseFailures.isUnavailable(e)) {
                    outages.unavailable("looking for or finishing jobs", e);
                } else {
                    LOG.errorf("Job worker could not use the queue (%s); trying again after the poll interval",
                            e.getClass().getName());
                }
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
