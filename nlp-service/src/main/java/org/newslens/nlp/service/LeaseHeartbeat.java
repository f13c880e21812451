package org.newslens.nlp.service;

import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.newslens.nlp.config.NlpConfig;
import org.newslens.nlp.domain.Job;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the leases of the jobs this process holds alive, so that the lease can be short: a job whose
 * analysis takes longer than the lease keeps it, while the jobs of a process that died are free to be
 * taken over as soon as their lease runs out (within one lease). Every third of the lease, one UPDATE
 * renews all held jobs, by owner and token.
 */
@Singleton
public class LeaseHeartbeat {

    private static final Logger LOG = Logger.getLogger(LeaseHeartbeat.class);
    private static final long MIN_PERIOD_MILLIS = 100;

    private final JobQueue queue;
    private final LeaseOwner owner;
    private final DatabaseOutageLog outages;
    private final Duration lease;
    private final Map<Long, UUID> held = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    LeaseHeartbeat(JobQueue queue, LeaseOwner owner, DatabaseOutageLog outages, NlpConfig config) {
        this.queue = queue;
        this.owner = owner;
        this.outages = outages;
        this.lease = config.jobs().lease();
    }

    synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "nlp-lease-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(MIN_PERIOD_MILLIS, lease.toMillis() / 3);
        timer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /** Renews these jobs' leases from now on, until {@link #drop}ped. */
    public void hold(Collection<Job> jobs) {
        for (Job job : jobs) {
            held.put(job.id(), job.leaseToken());
        }
    }

    public void drop(Job job) {
        held.remove(job.id(), job.leaseToken());
    }

    void renew() {
        List<UUID> tokens = new ArrayList<>(held.values());
        if (tokens.isEmpty()) {
            return;
        }
        try {
            int renewed = queue.renew(owner.name(), tokens, lease);
            outages.reachable();
            if (renewed < tokens.size()) {
                // the writer's fence keeps their enrichments out; this only says why
                LOG.debugf("%d of %d leases were taken over by other workers", tokens.size() - renewed, tokens.size());
            }
        } catch (SQLException | RuntimeException e) {
            if (DatabaseFailures.isUnavailable(e)) {
                outages.unavailable("renewing job leases", e);
            } else {
                LOG.errorf("Could not renew job leases (%s); trying again in a third of the lease", e.getClass().getName());
            }
        }
    }
}
