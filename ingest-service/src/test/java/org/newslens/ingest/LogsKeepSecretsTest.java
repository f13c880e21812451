package org.newslens.ingest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever a request carries, accepted or refused, its article text and its API key never reach the log. */
@QuarkusTest
@TestProfile(ApiKeyTest.WithApiKey.class)
@WithTestResource(PostgresTestResource.class)
class LogsKeepSecretsTest {

    private static final String KEY = "s3cret-key";

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringWriter text = new StringWriter();
            text.append(record.getMessage()).append(' ').append(String.valueOf(List.of(
                    record.getParameters() == null ? new Object[0] : record.getParameters())));
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            logged.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        java.util.logging.Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        java.util.logging.Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void neitherBodiesNorKeysAreLogged() {
        String secret = "confidential-" + UUID.randomUUID();
        given().header("X-API-Key", KEY + secret).contentType(ContentType.JSON)
                .body("{\"title\": \"" + secret + "\", \"text\": \"" + secret + "\"}")
                .when().post("/api/v1/articles").then().statusCode(401);
        given().header("X-API-Key", KEY).contentType(ContentType.JSON)
                .body("{\"title\": \"Kept " + secret + "\", \"text\": \"The harbour reopened. " + secret + "\"}")
                .when().post("/api/v1/articles").then().statusCode(201);
        given().header("Authorization", "Bearer " + KEY).contentType(ContentType.JSON)
                .body("{\"title\": \"" + secret + "\", \"text\": 42, \"html\": \"" + secret + "\"}")
                .when().post("/api/v1/articles").then().statusCode(400);
        given().header("X-API-Key", KEY).contentType("application/x-ndjson")
                .body(("{\"title\": \"" + secret + "\", \"text\": \"" + secret + "\\u0000\"}\n{\"title\": " + secret + "\n")
                        .getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/articles/bulk").then().statusCode(200);
        given().header("X-API-Key", KEY).contentType(ContentType.JSON)
                .body("{\"html\": \"<html><body>" + "<div>".repeat(5000) + secret + "</body></html>\"}")
                .when().post("/api/v1/articles").then().statusCode(400);

        Logger.getLogger(LogsKeepSecretsTest.class).info("capture check");
        assertTrue(logged.stream().anyMatch(line -> line.contains("capture check")), "the log capture works");
        for (String line : logged) {
            assertFalse(line.contains(secret), "an article's text or a key reached the log: " + line);
            assertFalse(line.contains(KEY), "the API key reached the log: " + line);
        }
    }
}
