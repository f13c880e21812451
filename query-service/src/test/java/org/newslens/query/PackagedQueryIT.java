package org.newslens.query;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.newslens.query.Fixtures.Mention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged query-service (the jar, or the native executable under -Pnative) follows the change
 * feed into its Lucene index on its own schedule and answers searches and article reads from it.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppResource.class)
class PackagedQueryIT {

    /** Injected by {@link PackagedAppResource}. */
    Fixtures db;

    @Test
    void indexesEnrichedArticlesAndFindsThem() throws Exception {
        long source = db.source("Daily Planet");
        long blinken = db.entity("PERSON", "Antony Blinken", "Blinken");
        long baghdad = db.entity("LOCATION", "Baghdad");
        long article = db.article(source, "Blinken arrives in Baghdad for talks",
                "Antony Blinken met the prime minister in Baghdad. Blinken discussed the harbour treaty.",
                "https://planet.example/blinken-baghdad", "en", Instant.parse("2024-03-01T10:00:00Z"));
        db.enrich(article, "en", new Mention(blinken, "Antony Blinken"), new Mention(blinken, "Blinken"),
                new Mention(baghdad, "Baghdad"));

        JsonPath hit = awaitHit("baghdad", article, Duration.ofSeconds(60));
        assertEquals("Blinken arrives in Baghdad for talks", hit.getString("title"));
        assertTrue(hit.getString("snippet").contains("<b>Baghdad</b>"), hit.getString("snippet"));
        assertEquals("Antony Blinken", hit.getString("entities[0].canonical"));

        given().when().get("/api/v1/articles/" + article)
                .then().statusCode(200)
                .body("source", equalTo("Daily Planet"))
                .body("text", containsString("harbour treaty"));
    }

    private static JsonPath awaitHit(String query, long article, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonPath result = given().queryParam("q", query).when().get("/api/v1/search")
                    .then().statusCode(200).extract().jsonPath();
            List<Integer> ids = result.getList("hits.id", Integer.class);
            int index = ids.indexOf((int) article);
            if (index >= 0) {
                return new JsonPath(result.prettify()).setRootPath("hits[" + index + "]");
            }
            Thread.sleep(250);
        }
        fail("article " + article + " was not found by q=" + query + " within " + timeout);
        return null;
    }
}
