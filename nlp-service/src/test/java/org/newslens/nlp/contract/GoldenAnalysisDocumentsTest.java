package org.newslens.nlp.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.newslens.nlp.ModelsReady;
import org.newslens.nlp.PostgresTestResource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Golden analysis documents: each {@code contracts/analysis/NAME.article.json} (an invented article) is
 * enriched by the real job workers and pipeline, and the analysis they store in nlp.enrichments, read
 * back as query-service reads it ({@code analysis::text}), must equal {@code NAME.analysis.json}.
 * query-service's tests index exactly those files, so renaming or reshaping a field of the stored
 * analysis fails here first, and, once the files are refreshed, in query-service's tests wherever it
 * reads that field. The analysis holds no ids or timestamps, so nothing needs normalising.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class GoldenAnalysisDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void modelsLoaded() throws InterruptedException {
        ModelsReady.await();
    }

    @Test
    void theStoredAnalysisOfEachGoldenArticleIsItsGoldenDocument() throws Exception {
        List<Path> articles = ContractFiles.list("analysis", ".article.json");
        assertFalse(articles.isEmpty(), "no golden articles under " + ContractFiles.ROOT.resolve("analysis"));
        List<Executable> checks = new ArrayList<>();
        for (Path article : articles) {
            String name = article.getFileName().toString().replace(".article.json", "");
            JsonNode stored = JSON.readTree(enrich(ContractFiles.read(article)));
            checks.add(() -> ContractFiles.assertGolden(article.resolveSibling(name + ".analysis.json"), stored));
        }
        assertAll(checks);
    }

    /** Stores the article and its job as ingest-service does, wakes the workers, and returns the stored analysis. */
    private String enrich(JsonNode article) throws Exception {
        long articleId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO ingest.articles (id, title, text, language_hint, content_hash) OVERRIDING SYSTEM VALUE
                     VALUES (?, ?, ?, ?, sha256(int8send(?)))""");
             PreparedStatement job = connection.prepareStatement("INSERT INTO nlp.jobs (article_id) VALUES (?)")) {
            insert.setLong(1, articleId);
            insert.setString(2, article.path("title").asText(null));
            insert.setString(3, article.path("text").asText());
            insert.setString(4, article.path("languageHint").asText(null));
            insert.setLong(5, articleId);
            insert.executeUpdate();
            job.setLong(1, articleId);
            job.executeUpdate();
        }
        given().post("/api/v1/jobs/wake");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String analysis = storedAnalysis(articleId);
            if (analysis != null) {
                return analysis;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("article " + articleId + " was not enriched within 60 s");
    }

    private String storedAnalysis(long articleId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT analysis::text FROM nlp.enrichments WHERE article_id = ?")) {
            query.setLong(1, articleId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
