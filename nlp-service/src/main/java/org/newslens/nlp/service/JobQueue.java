package org.newslens.nlp.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.newslens.nlp.domain.Job;
import org.newslens.nlp.domain.JobStats;
import org.newslens.nlp.domain.QueueDepth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The job queue in nlp.jobs. Claims take a lease with {@code FOR UPDATE SKIP LOCKED}, so workers on
 * any number of replicas never take the same job, and a job whose worker died is taken again once
 * its lease has run out. Each claim writes its owner and a fresh token; renewing, giving back,
 * retrying and failing a job all require both to match, so a worker that lost its lease changes nothing.
 */
@ApplicationScoped
public class JobQueue {

    private final AgroalDataSource dataSource;

    JobQueue(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Leases up to {@code limit} ready jobs to {@code owner}, counting the attempt; new articles before
     * re-enrichments, oldest first. A running job whose lease ran out is ready again.
     */
    @Transactional
    public List<Job> claim(String owner, int limit, Duration lease) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement("""
                     WITH claimed AS (
                         UPDATE nlp.jobs
                         SET status = 'running', attempts = attempts + 1,
                             lease_until = now() + ? * interval '1 millisecond', updated_at = now(),
                             lease_owner = ?, lease_token = gen_random_uuid()
                         WHERE id IN (SELECT id FROM nlp.jobs
                                      WHERE (status = 'pending' AND run_after <= now())
                                         OR (status = 'running' AND lease_until < now())
                                      ORDER BY priority, id LIMIT ?
                                      FOR UPDATE SKIP LOCKED)
                         RETURNING id, article_id, attempts, lease_token, traceparent)
                     SELECT c.id, c.article_id, a.title, a.text, a.language_hint, c.attempts, c.lease_token, c.traceparent
                     FROM claimed c LEFT JOIN ingest.articles a ON a.id = c.article_id""")) {
            claim.setLong(1, lease.toMillis());
            claim.setString(2, owner);
            claim.setInt(3, limit);
            List<Job> jobs = new ArrayList<>();
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    jobs.add(new Job(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getInt(6), owner, rows.getObject(7, UUID.class), rows.getString(8)));
                }
            }
            jobs.sort(Comparator.comparingLong(Job::id));
            return jobs;
        }
    }

    /**
     * Extends, in one statement, the leases of the running jobs that {@code owner} holds under {@code tokens}.
     *
     * @return how many leases were extended (fewer than asked where a lease was lost to another worker)
     */
    @Transactional
    public int renew(String owner, Collection<UUID> tokens, Duration lease) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement renew = connection.prepareStatement("""
                     UPDATE nlp.jobs SET lease_until = now() + ? * interval '1 millisecond'
                     WHERE status = 'running' AND lease_owner = ? AND lease_token = ANY(CAST(? AS uuid[]))""")) {
            renew.setLong(1, lease.toMillis());
            renew.setString(2, owner);
            renew.setArray(3, connection.createArrayOf("text", tokens.stream().map(UUID::toString).toArray()));
            return renew.executeUpdate();
        }
    }

    /**
     * Requeues, at re-enrichment priority, the done jobs of up to {@code limit} articles enriched by a
     * pipeline older than {@code currentVersion} — only while fewer than {@code limit} jobs wait, so
     * re-enrichment never builds a backlog in front of new articles. A re-enrichment starts a trace of its
     * own rather than continuing the long-finished ingest request's.
     *
     * @return how many jobs were requeued
     */
    @Transactional
    public int requeueOutdated(int currentVersion, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement requeue = connection.prepareStatement("""
                     UPDATE nlp.jobs SET status = 'pending', priority = 1, attempts = 0, run_after = now(),
                                         last_error = NULL, traceparent = NULL, updated_at = now()
                     WHERE status = 'done'
                       AND (SELECT count(*) FROM nlp.jobs WHERE status = 'pending') < ?
                       AND article_id IN (SELECT article_id FROM nlp.enrichments
                                          WHERE pipeline_version < ?
                                          ORDER BY article_id LIMIT ?)""")) {
            requeue.setInt(1, limit);
            requeue.setInt(2, currentVersion);
            requeue.setInt(3, limit);
            return requeue.executeUpdate();
        }
    }

    /** Gives a claimed job back untouched (this attempt does not count), e.g. on shutdown; not once its lease is lost. */
    @Transactional
    public void release(Job job) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE nlp.jobs SET status = 'pending', attempts = attempts - 1, lease_until = NULL,
                                         lease_owner = NULL, lease_token = NULL, updated_at = now()
                     WHERE id = ? AND status = 'running' AND lease_owner = ? AND lease_token = ?""")) {
            update.setLong(1, job.id());
            update.setString(2, job.leaseOwner());
            update.setObject(3, job.leaseToken());
            update.executeUpdate();
        }
    }

    /** Puts the job back in the queue to be tried again after {@code delay}, while its lease is still held. */
    @Transactional
    public void retryLater(Job job, String error, Duration delay) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE nlp.jobs
                     SET status = 'pending', lease_until = NULL, lease_owner = NULL, lease_token = NULL, last_error = ?,
                         run_after = now() + ? * interval '1 millisecond', updated_at = now()
                     WHERE id = ? AND status = 'running' AND lease_owner = ? AND lease_token = ?""")) {
            update.setString(1, error);
            update.setLong(2, delay.toMillis());
            update.setLong(3, job.id());
            update.setString(4, job.leaseOwner());
            update.setObject(5, job.leaseToken());
            update.executeUpdate();
        }
    }

    /** Gives up on the job, while its lease is still held; it stays failed until retried through the API. */
    @Transactional
    public void fail(Job job, String error) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE nlp.jobs SET status = 'failed', lease_until = NULL, lease_owner = NULL, lease_token = NULL,
                                         last_error = ?, updated_at = now()
                     WHERE id = ? AND status = 'running' AND lease_owner = ? AND lease_token = ?""")) {
            update.setString(1, error);
            update.setLong(2, job.id());
            update.setString(3, job.leaseOwner());
            update.setObject(4, job.leaseToken());
            update.executeUpdate();
        }
    }

    /**
     * Queues a failed job again with a fresh set of attempts, in the trace of the request that asked for it.
     *
     * @return the job's status before the call (only a "failed" job is requeued), or empty if the article has no job
     */
    @Transactional
    public Optional<String> retryFailed(long articleId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT status FROM nlp.jobs WHERE article_id = ? FOR UPDATE");
             PreparedStatement requeue = connection.prepareStatement("""
                     UPDATE nlp.jobs SET status = 'pending', attempts = 0, run_after = now(), lease_until = NULL,
                                         traceparent = ?, updated_at = now()
                     WHERE article_id = ?""")) {
            query.setLong(1, articleId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String status = rows.getString(1);
                if (status.equals("failed")) {
                    requeue.setString(1, TraceParent.current());
                    requeue.setLong(2, articleId);
                    requeue.executeUpdate();
                }
                return Optional.of(status);
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public JobStats stats() throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT status, count(*) FROM nlp.jobs GROUP BY status");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return new JobStats(counts.getOrDefault("pending", 0L), counts.getOrDefault("running", 0L),
                counts.getOrDefault("done", 0L), counts.getOrDefault("failed", 0L));
    }

    /**
     * The queue's depth in one statement that reads only the partial indexes' rows (pending, running,
     * failed), never the done jobs, so it stays cheap however many articles were enriched.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueueDepth depth() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT count(*) FILTER (WHERE status = 'pending'),
                            count(*) FILTER (WHERE status = 'running'),
                            count(*) FILTER (WHERE status = 'failed'),
                            coalesce(extract(epoch FROM now() - min(run_after)
                                             FILTER (WHERE status = 'pending' AND run_after <= now())), 0)
                     FROM nlp.jobs WHERE status IN ('pending', 'running', 'failed')""");
             ResultSet row = query.executeQuery()) {
            row.next();
            return new QueueDepth(row.getLong(1), row.getLong(2), row.getLong(3), row.getDouble(4));
        }
    }
}
