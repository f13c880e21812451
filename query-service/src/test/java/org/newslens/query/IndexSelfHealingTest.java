package org.newslens.query;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.query.Fixtures.Mention;
import org.newslens.query.index.SearchIndexer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The running service heals its index: deleted or corrupted under it, the index is reopened and rebuilt
 * from the change feed without a restart, with one warning, and readiness is DOWN until it has caught up.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeNlpService.class)
class IndexSelfHealingTest {

    private static boolean loaded;

    @Inject
    SearchIndexer indexer;

    @ConfigProperty(name = "newslens.index.directory")
    Path directory;

    @ConfigProperty(name = PostgresTestResource.OWNER_URL_KEY)
    String ownerUrl;

    @BeforeEach
    void loadArticles() throws Exception {
        if (loaded) {
            return;
        }
        Fixtures db = new Fixtures(ownerUrl);
        long entity = db.entity("PERSON", "Tamsin Vell");
        for (String title : List.of("Vellmoor floods", "Vellmoor rebuilds", "Vellmoor votes")) {
            long id = db.article(null, title, title + ": Tamsin Vell visits vellmoor.", null, "en",
                    Instant.parse("2024-02-01T00:00:00Z"));
            db.enrich(id, "en", new Mention(entity, "Tamsin Vell"));
        }
        indexer.catchUp();
        loaded = true;
    }

    @Test
    void aDeletedIndexDirectoryIsRebuiltWhileRunning() throws Exception {
        vellmoorArticles(3);
        ready(200, "caught up");
        List<LogRecord> warnings = new ArrayList<>();
        Logger log = Logger.getLogger(SearchIndexer.class.getName());
        Handler handler = collectingWarnings(warnings);
        log.addHandler(handler);
        try {
            synchronized (ClientProxy.unwrap(indexer)) { // no poll may rebuild it before readiness is checked
                PostgresTestResource.deleteRecursively(directory);
                ready(503, "lost");
            }
            for (int poll = 0; poll < 3; poll++) {
                indexer.catchUp();
            }
        } finally {
            log.removeHandler(handler);
        }
        assertEquals(1, warnings.size(), "one warning for the incident, whatever the polls: " + warnings);
        vellmoorArticles(3);
        ready(200, "caught up");
        assertFalse(Files.notExists(directory.resolve("write.lock")));
    }

    @Test
    void aCorruptSegmentIsRebuiltWhileRunning() throws Exception {
        vellmoorArticles(3);
        synchronized (ClientProxy.unwrap(indexer)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path segmentInfo : files.filter(file -> file.toString().endsWith(".si")).toList()) {
                    overwriteMiddle(segmentInfo);
                }
            }
        }
        indexer.catchUp();
        vellmoorArticles(3);
        ready(200, "caught up");
    }

    private void vellmoorArticles(int expected) {
        given().queryParam("q", "vellmoor").get("/api/v1/search").then().statusCode(200).body("total", equalTo(expected));
    }

    private static void ready(int status, String state) {
        given().get("/q/health/ready").then().statusCode(status)
                .body("checks.find { it.name == 'search index' }.status", equalTo(status == 200 ? "UP" : "DOWN"))
                .body("checks.find { it.name == 'search index' }.data.state", equalTo(state));
    }

    private static void overwriteMiddle(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 8; i++) {
            bytes[i] ^= 0x5a;
        }
        Files.write(file, bytes);
    }

    private static Handler collectingWarnings(List<LogRecord> warnings) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
