package org.newslens.nlp.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.nlp.ModelsReady;
import org.newslens.nlp.PostgresTestResource;
import org.newslens.nlp.domain.Job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Job leases (2 s in the test profile, renewed every third of that): a dead holder's job is taken over
 * once its lease runs out, a live holder keeps its job however long it works, and a worker that lost
 * its lease stores nothing, so every article ends with one enrichment and its mentions once.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class JobLeaseTest {

    private static final String TEXT = "Secretary Dana Okafor flew to Lisbon on Monday. Okafor met officials of the World Bank there.";
    private static final Duration LEASE = Duration.ofSeconds(2);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LeaseHeartbeat heartbeat;

    @Inject
    LeaseOwner owner;

    @Inject
    JobProcessor processor;

    @Inject
    JobQueue queue;

    @BeforeEach
    void modelsLoaded() throws InterruptedException {
        ModelsReady.await();
    }

    @Test
    void aJobWhoseHolderDiedIsTakenOverOnceItsLeaseRunsOut() throws Exception {
        long articleId = newArticle();
        Job dead = insertRunningJob(articleId, "crashed-host/4242/0badc0de", "now() + interval '1 second'");
        Timestamp leaseEnd = timestamp("SELECT lease_until FROM nlp.jobs WHERE id = " + dead.id());

        given().post("/api/v1/jobs/wake").then().statusCode(202);
        await(Duration.ofSeconds(30), () -> "done".equals(text("SELECT status FROM nlp.jobs WHERE id = " + dead.id())));

        assertEquals(2, count("SELECT attempts FROM nlp.jobs WHERE id = " + dead.id()), "taken over as a second attempt");
        assertEquals(1, count("SELECT count(*) FROM nlp.enrichments WHERE article_id = " + articleId));
        assertTrue(timestamp("SELECT enriched_at FROM nlp.enrichments WHERE article_id = " + articleId).after(leaseEnd),
                "not taken before the dead holder's lease ran out");
    }

    @Test
    void theHeartbeatKeepsALongJobsLeasePastTheLeaseTime() throws Exception {
        long articleId = newArticle();
        Job mine = insertRunningJob(articleId, owner.name(), "now() + interval '2 seconds'");
        heartbeat.hold(List.of(mine));
        try {
            Thread.sleep(LEASE.multipliedBy(3).toMillis());

            assertEquals(1, count("SELECT count(*) FROM nlp.jobs WHERE id = " + mine.id() + " AND status = 'running'"
                    + " AND lease_token = '" + mine.leaseToken() + "' AND attempts = 1 AND lease_until > now()"),
                    "still held under the same claim, its lease extended, three lease times later");
            processor.process(mine);
        } finally {
            heartbeat.drop(mine);
        }
        assertEquals("done", text("SELECT status FROM nlp.jobs WHERE id = " + mine.id()));
        assertEquals(1, count("SELECT count(*) FROM nlp.enrichments WHERE article_id = " + articleId));
    }

    @Test
    void aWorkerThatLostItsLeaseStoresNothing() throws Exception {
        long articleId = newArticle();
        Job holder = insertRunningJob(articleId, "other-host/7/11111111", "now() + interval '1 minute'");
        Job stale = new Job(holder.id(), articleId, "A title", TEXT, "en", 1, "stale-host/8/22222222", UUID.randomUUID(), null);

        processor.process(stale);
        queue.retryLater(stale, "late failure", Duration.ZERO);
        queue.fail(stale, "late failure");
        queue.release(stale);

        assertEquals(0, count("SELECT count(*) FROM nlp.enrichments WHERE article_id = " + articleId));
        assertEquals(1, count("SELECT count(*) FROM nlp.jobs WHERE id = " + holder.id() + " AND status = 'running'"
                + " AND lease_token = '" + holder.leaseToken() + "' AND attempts = 1 AND last_error IS NULL"),
                "the holder's claim is untouched");

        processor.process(holder);
        assertEquals("done", text("SELECT status FROM nlp.jobs WHERE id = " + holder.id()));
        assertEquals(1, count("SELECT count(*) FROM nlp.enrichments WHERE article_id = " + articleId));
    }

    @Test
    void aWorkerWhoseJobWasTakenOverAndFinishedDoesNotEnrichItAgain() throws Exception {
        long articleId = newArticle();
        Job stale = insertRunningJob(articleId, "slow-host/9/33333333", "now() - interval '1 second'");
        given().post("/api/v1/jobs/wake").then().statusCode(202);
        await(Duration.ofSeconds(30), () -> "done".equals(text("SELECT status FROM nlp.jobs WHERE id = " + stale.id())));
        long changeSeq = count("SELECT change_seq FROM nlp.enrichments WHERE article_id = " + articleId);
        long mentions = count("SELECT count(*) FROM nlp.mentions WHERE article_id = " + articleId);
        assertTrue(mentions > 0);

        processor.process(stale);

        assertEquals(1, count("SELECT count(*) FROM nlp.enrichments WHERE article_id = " + articleId));
        assertEquals(changeSeq, count("SELECT change_seq FROM nlp.enrichments WHERE article_id = " + articleId),
                "no second write reached the change feed");
        assertEquals(mentions, count("SELECT count(*) FROM nlp.mentions WHERE article_id = " + articleId));
        assertEquals(1, count("SELECT count(*) FROM nlp.jobs WHERE id = " + stale.id()
                + " AND status = 'done' AND attempts = 2 AND last_error IS NULL"));
    }

    private long newArticle() throws SQLException {
        long articleId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO ingest.articles (id, title, text, language_hint, content_hash) OVERRIDING SYSTEM VALUE
                     VALUES (?, 'A title', ?, 'en', sha256(int8send(?)))""")) {
            insert.setLong(1, articleId);
            insert.setString(2, TEXT);
            insert.setLong(3, articleId);
            insert.executeUpdate();
        }
        return articleId;
    }

    /** A job as a worker of {@code leaseOwner} would have claimed it: running, first attempt, lease until {@code leaseUntil}. */
    private Job insertRunningJob(long articleId, String leaseOwner, String leaseUntil) throws SQLException {
        UUID token = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO nlp.jobs (article_id, status, attempts, lease_until, lease_owner, lease_token)"
                             + " VALUES (?, 'running', 1, " + leaseUntil + ", ?, ?) RETURNING id")) {
            insert.setLong(1, articleId);
            insert.setString(2, leaseOwner);
            insert.setObject(3, token);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return new Job(rows.getLong(1), articleId, "A title", TEXT, "en", 1, leaseOwner, token, null);
            }
        }
    }

    private long count(String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Timestamp timestamp(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getTimestamp(1);
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
