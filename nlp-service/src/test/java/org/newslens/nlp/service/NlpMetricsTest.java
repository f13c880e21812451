package org.newslens.nlp.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.nlp.ModelsReady;
import org.newslens.nlp.PostgresTestResource;
import org.newslens.testing.ScrapedMetrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue gauges follow nlp.jobs; the job and stage meters move when a worker enriches or gives up. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class NlpMetricsTest {

    private static final String TEXT = "Mayor Ines Duarte opened the new bridge in Porto on Friday. Duarte thanked the engineers.";
    private static final String[] STAGES = {"language", "ner", "gazetteer", "canonicalize", "keyphrases", "summary", "tone",
            "framing", "quotes", "quantities", "embedding"};

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "newslens.nlp.jobs.metrics-max-age")
    Duration metricsMaxAge;

    @BeforeEach
    void modelsLoaded() throws InterruptedException {
        ModelsReady.await();
    }

    @Test
    void everyStageAndOutcomeIsPublishedBeforeItsFirstEvent() {
        ScrapedMetrics metrics = ScrapedMetrics.scrape();
        for (String stage : STAGES) {
            assertTrue(metrics.value("newslens_enrichment_stage_seconds_count", "stage", stage) >= 0, metrics.excerpt("newslens_"));
        }
        for (String outcome : new String[] {"enriched", "retrying", "failed", "lease_lost"}) {
            assertTrue(metrics.value("newslens_job_attempts_total", "outcome", outcome) >= 0, metrics.excerpt("newslens_"));
        }
        for (String status : new String[] {"pending", "running", "failed"}) {
            assertTrue(metrics.value("newslens_jobs", "status", status) >= 0, metrics.excerpt("newslens_jobs"));
        }
    }

    @Test
    void aWaitingJobIsPendingAndItsAgeIsTheTimeSinceItFellDue() throws Exception {
        long articleId = newArticleId();
        insertArticle(articleId);
        execute("INSERT INTO nlp.jobs (article_id, run_after) VALUES (" + articleId + ", now() + interval '1 day')");
        Thread.sleep(metricsMaxAge.toMillis() + 100); // the gauges may still show a count read before the insert
        double pendingBefore = awaitValue(m -> true, "newslens_jobs", "status", "pending");
        try (Connection holder = dataSource.getConnection()) {
            // FOR KEY SHARE keeps the workers' FOR UPDATE SKIP LOCKED off the job, yet lets it fall due
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("SELECT 1 FROM nlp.jobs WHERE article_id = " + articleId + " FOR KEY SHARE");
            }
            execute("UPDATE nlp.jobs SET run_after = now() - interval '1 hour' WHERE article_id = " + articleId);

            double age = awaitValue(v -> v >= 3600, "newslens_jobs_oldest_pending_age_seconds");
            assertTrue(age < 3600 + 120, "age " + age);
            assertEquals(pendingBefore, ScrapedMetrics.scrape().value("newslens_jobs", "status", "pending"),
                    "the job was already pending while it waited for its time");
            holder.rollback();
        }
        given().post("/api/v1/jobs/wake").then().statusCode(202);
        awaitValue(v -> v == 0, "newslens_jobs_oldest_pending_age_seconds");
    }

    @Test
    void anEnrichedJobMovesTheAttemptCounterTheEnrichmentTimerAndEveryStageThatRan() throws Exception {
        ScrapedMetrics before = ScrapedMetrics.scrape();
        long articleId = newArticleId();
        insertArticle(articleId);
        execute("INSERT INTO nlp.jobs (article_id) VALUES (" + articleId + ")");
        given().post("/api/v1/jobs/wake").then().statusCode(202);

        double enriched = before.value("newslens_job_attempts_total", "outcome", "enriched");
        awaitValue(v -> v >= enriched + 1, "newslens_job_attempts_total", "outcome", "enriched");
        ScrapedMetrics after = ScrapedMetrics.scrape();
        assertTrue(after.value("newslens_enrichment_seconds_count") >= before.value("newslens_enrichment_seconds_count") + 1);
        for (String stage : new String[] {"language", "ner", "embedding"}) {
            assertTrue(after.value("newslens_enrichment_stage_seconds_count", "stage", stage)
                    >= before.value("newslens_enrichment_stage_seconds_count", "stage", stage) + 1, stage);
            assertTrue(after.value("newslens_enrichment_stage_seconds_sum", "stage", stage)
                    > before.value("newslens_enrichment_stage_seconds_sum", "stage", stage), stage);
        }
    }

    @Test
    void aJobGivenUpCountsAsFailedInTheCounterAndTheGauge() throws Exception {
        ScrapedMetrics before = ScrapedMetrics.scrape();
        // no article behind the job: the worker gives it up at once
        execute("INSERT INTO nlp.jobs (article_id) VALUES (" + newArticleId() + ")");
        given().post("/api/v1/jobs/wake").then().statusCode(202);

        double failed = before.value("newslens_job_attempts_total", "outcome", "failed");
        awaitValue(v -> v >= failed + 1, "newslens_job_attempts_total", "outcome", "failed");
        double failedJobs = before.value("newslens_jobs", "status", "failed");
        awaitValue(v -> v >= failedJobs + 1, "newslens_jobs", "status", "failed");
    }

    /** Scrapes until the sample satisfies {@code condition} (the gauges are re-read every 200 ms in tests). */
    private static double awaitValue(Predicate<Double> condition, String name, String... labels) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            ScrapedMetrics metrics = ScrapedMetrics.scrape();
            double value = metrics.value(name, labels);
            if (!Double.isNaN(value) && condition.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " never met the condition; last scrape:\n" + metrics.excerpt(name));
            }
            Thread.sleep(100);
        }
    }

    private static long newArticleId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
    }

    private void insertArticle(long articleId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO ingest.articles (id, title, text, language_hint, content_hash) OVERRIDING SYSTEM VALUE
                     VALUES (?, 'A title', ?, 'en', sha256(int8send(?)))""")) {
            insert.setLong(1, articleId);
            insert.setString(2, TEXT);
            insert.setLong(3, articleId);
            insert.executeUpdate();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
