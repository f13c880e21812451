package org.newslens.query;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reads served from PostgreSQL (articles, entity pages, the entity directory) answer a database
 * outage with a 503 problem and Retry-After, and recover by themselves once it is back.
 */
@QuarkusTest
@WithTestResource(DatabaseOutage.class)
class DatabaseOutageTest {

    @ConfigProperty(name = PostgresTestResource.OWNER_URL_KEY)
    String ownerUrl;

    @Test
    void sqlReadsAnswer503WithRetryAfterWhileTheDatabaseIsDownAndRecover() throws Exception {
        Fixtures db = new Fixtures(ownerUrl);
        long entity = db.entity("PERSON", "Ora Vance");
        long article = db.article(null, "Outage", "Ora Vance spoke.", null, "en", Instant.parse("2024-01-01T00:00:00Z"));
        db.enrich(article, "en", new Fixtures.Mention(entity, "Ora Vance"));
        List<String> reads = List.of("/api/v1/articles/" + article, "/api/v1/entities/" + entity, "/api/v1/entities?q=ora");
        for (String read : reads) {
            given().get(read).then().statusCode(200);
        }

        DatabaseOutage.cut();
        try {
            for (String read : reads) {
                given().get(read).then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", "5")
                        .body("type", equalTo("https://newslens.dev/problems/database-unavailable"))
                        .body("title", equalTo("Database unavailable"))
                        .body("detail", containsString("Retry in a few seconds"))
                        .body(not(containsString("Exception")));
            }
        } finally {
            DatabaseOutage.restore();
        }

        for (String read : reads) {
            assertEquals(200, statusWithin(read, Duration.ofSeconds(20)), read + " recovers without a restart");
        }
    }

    /** The first status other than 503 within {@code limit}: the pool drops broken connections as it meets them. */
    private static int statusWithin(String path, Duration limit) throws InterruptedException {
        Instant until = Instant.now().plus(limit);
        int status;
        do {
            status = given().get(path).then().extract().statusCode();
            if (status != 503) {
                return status;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(until));
        return status;
    }
}
