package org.newslens.ingest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packaged ingest-service (the jar, or the native executable under -Pnative) takes articles in as
 * JSON, as an HTML page (jsoup and Readability4J at work) and from an RSS feed (ROME at work): the
 * libraries that native images need registration for run in the artifact that ships.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppResource.class)
class PackagedIngestIT {

    private static final String PARAGRAPH = "The harbour authority said the storm wall, built over three winters with money "
            + "from the regional budget, held back waves of more than six metres on Thursday night. Fishermen who had "
            + "moved their boats inland returned on Friday morning to find the quays intact, officials said.";
    /** With PARAGRAPH, more own text than newslens.feeds.page-fetch-below-chars: no linked page is fetched. */
    private static final String SECOND_PARAGRAPH = "Two warehouses near the old customs house lost their roofs, and the "
            + "ferry service to the islands stayed suspended until engineers had inspected the landing ramps. The mayor "
            + "thanked the crews who worked through the night and promised to publish the damage report next week.";

    private static TestHttpServer server;

    @BeforeAll
    static void startServer() {
        server = TestHttpServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void storesAJsonArticle() {
        String tag = tag();
        long id = given().contentType(ContentType.JSON)
                .body(Map.of("title", "Harbour " + tag + " opens", "text", PARAGRAPH + " Tag " + tag + ".", "url", "https://example.org/harbour/" + tag))
                .when().post("/api/v1/articles")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().when().get("/api/v1/articles/" + id)
                .then().statusCode(200)
                .body("title", equalTo("Harbour " + tag + " opens"))
                .body("text", equalTo(PARAGRAPH + " Tag " + tag + "."));
    }

    @Test
    void extractsTheMainTextOfAnHtmlPage() {
        String tag = tag();
        String html = "<html lang=\"en\"><head><title>Ferry " + tag + "</title></head><body><nav><a href=\"/\">Home</a></nav>"
                + "<article><h1>Ferry " + tag + " resumes</h1><p>" + PARAGRAPH + "</p><p>Tag " + tag + ".</p></article>"
                + "<footer>Contact us</footer></body></html>";
        long id = given().contentType(ContentType.JSON).body(Map.of("html", html))
                .when().post("/api/v1/articles")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().when().get("/api/v1/articles/" + id)
                .then().statusCode(200)
                .body("text", containsString("storm wall, built over three winters"))
                .body("text", not(containsString("Contact us")));
    }

    @Test
    void turnsRssEntriesIntoArticles() throws InterruptedException {
        String tag = tag();
        server.serve("/rss-" + tag + ".xml", 200, "application/rss+xml; charset=utf-8", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                  <channel>
                    <title>Harbour Times %1$s</title>
                    <link>%2$s</link>
                    <description>News from the coast</description>
                    <item>
                      <title>Harbour %1$s holds against the storm</title>
                      <link>%2$s/news/harbour-%1$s</link>
                      <pubDate>Sun, 05 Nov 2023 14:30:00 GMT</pubDate>
                      <content:encoded><![CDATA[<p>%3$s</p><p>%4$s</p><p>Tag %1$s.</p>]]></content:encoded>
                    </item>
                  </channel>
                </rss>
                """.formatted(tag, server.url(""), PARAGRAPH, SECOND_PARAGRAPH));
        long feed = given().contentType(ContentType.JSON).body(Map.of("url", server.url("/rss-" + tag + ".xml")))
                .when().post("/api/v1/feeds")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        JsonPath polled = awaitFirstPoll(feed, Duration.ofSeconds(60));
        assertEquals("ok", polled.getString("lastOutcome"), () -> "last error: " + polled.getString("lastError"));
        assertEquals(1, polled.getInt("lastItemsNew"), () -> "last error: " + polled.getString("lastError"));
    }

    private static JsonPath awaitFirstPoll(long feed, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonPath state = given().when().get("/api/v1/feeds/" + feed).then().statusCode(200).extract().jsonPath();
            if (state.getString("lastPolledAt") != null) {
                return state;
            }
            Thread.sleep(250);
        }
        fail("feed " + feed + " was not polled within " + timeout);
        return null;
    }
}
