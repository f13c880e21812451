package org.newslens.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newslens.ingest.feed.FeedPoller;
import org.newslens.ingest.feed.SingletonGuard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class FeedResourceTest {

    private static final String LONG_PARAGRAPH = "The harbour authority said the storm wall, built over three winters "
            + "with money from the regional budget, held back waves of more than six metres on Thursday night. "
            + "Fishermen who had moved their boats inland returned on Friday morning to find the quays intact, "
            + "although two warehouses near the old customs house lost their roofs and the ferry service to the "
            + "islands stayed suspended until engineers had inspected the landing ramps. The mayor thanked the "
            + "crews who worked through the night and promised to publish the full damage report next week.";

    private static TestHttpServer server;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    FeedPoller poller;
    @Inject
    SingletonGuard guard;

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

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String rss(String tag) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel>
                    <title>Harbour Times %1$s</title>
                    <link>%2$s</link>
                    <description>News from the coast</description>
                    <item>
                      <title>Harbour %1$s holds against the storm</title>
                      <link>%2$s/news/harbour-%1$s</link>
                      <guid isPermaLink="false">harbour-%1$s</guid>
                      <pubDate>Sun, 05 Nov 2023 14:30:00 GMT</pubDate>
                      <dc:creator>Ana Lima</dc:creator>
                      <description>The storm wall held.</description>
                      <content:encoded><![CDATA[<p>%3$s</p><p>Tag %1$s.</p>]]></content:encoded>
                    </item>
                    <item>
                      <title>Council %1$s passes the budget</title>
                      <link>/news/council-%1$s</link>
                      <pubDate>Mon, 06 Nov 2023 09:00:00 GMT</pubDate>
                      <description><![CDATA[<p>The council voted on Monday. <a href="/news/council-%1$s">Read more</a></p>]]></description>
                    </item>
                  </channel>
                </rss>
                """.formatted(tag, server.url(""), LONG_PARAGRAPH);
    }

    private static String atom(String tag, String title) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Atom Wire %1$s</title>
                  <id>urn:uuid:feed-%1$s</id>
                  <updated>2023-11-07T10:00:00Z</updated>
                  <entry>
                    <title type="html">%3$s</title>
                    <link rel="alternate" href="%2$s/wire/%1$s"/>
                    <id>urn:uuid:entry-%1$s</id>
                    <updated>2023-11-07T10:00:00Z</updated>
                    <author><name>Jo Park</name></author>
                    <content type="html">&lt;p&gt;%4$s Wire %1$s.&lt;/p&gt;</content>
                  </entry>
                </feed>
                """.formatted(tag, server.url(""), title, LONG_PARAGRAPH);
    }

    private static String articlePage(String tag) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><title>Council %1$s passes the budget</title></head>
                <body>
                  <nav><a href="/">Home</a> <a href="/news">News</a></nav>
                  <article>
                    <h1>Council %1$s passes the budget</h1>
                    <p>The city council passed next year's budget on Monday evening after a debate that lasted more than
                    six hours, with twenty-one votes in favour and fourteen against.</p>
                    <p>Councillor Marta Reis %1$s said the vote ended a decade of deficits in the port district.</p>
                    <p>The budget raises spending on schools and public transport, freezes the property tax for a
                    second year and sets aside money to repair the storm damage along the waterfront, officials said.</p>
                    <p>Opposition members argued that the plan relies on optimistic forecasts of tourism revenue and
                    asked for a mid-year review, which the majority agreed to schedule for June.</p>
                  </article>
                  <footer>Copyright Harbour Times</footer>
                </body></html>
                """.formatted(tag);
    }

    private long subscribe(Map<String, Object> body, int expectedStatus) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/feeds")
                .then().statusCode(expectedStatus)
                .extract().jsonPath().getLong("id");
    }

    private static JsonPath feed(long id) {
        return given().when().get("/api/v1/feeds/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void rssAndAtomEntriesBecomeArticles() throws SQLException {
        String tag = unique();
        server.serve("/rss-" + tag + ".xml", 200, "application/rss+xml; charset=utf-8", rss(tag));
        server.serve("/atom-" + tag + ".xml", 200, "application/atom+xml", atom(tag, "Ferries &lt;b&gt;" + tag + "&lt;/b&gt; resume"));
        server.serve("/news/council-" + tag, 200, "text/html; charset=utf-8", articlePage(tag));

        long rssFeed = subscribe(Map.of("url", server.url("/rss-" + tag + ".xml")), 201);
        long atomFeed = subscribe(Map.of("url", server.url("/atom-" + tag + ".xml"), "source", "Atom Outlet " + tag,
                "intervalMinutes", 30), 201);
        assertTrue(poller.tick());

        Map<String, Object> harbour = article(server.url("/news/harbour-" + tag)).orElseThrow();
        assertEquals("Harbour " + tag + " holds against the storm", harbour.get("title"));
        assertEquals(server.url("/news/harbour-" + tag), harbour.get("url"));
        assertEquals("Harbour Times " + tag, harbour.get("source"), "source is the feed's title when the subscription names none");
        assertTrue(((String) harbour.get("text")).contains("storm wall, built over three winters"));
        assertEquals(Instant.parse("2023-11-05T14:30:00Z"), harbour.get("published_at"));

        Map<String, Object> council = article(server.url("/news/council-" + tag)).orElseThrow(
                () -> new AssertionError("the teaser-only entry was not stored: " + feed(rssFeed).getString("lastError")));
        assertEquals("Council " + tag + " passes the budget", council.get("title"));
        assertEquals("Harbour Times " + tag, council.get("source"));
        assertTrue(((String) council.get("text")).contains("Councillor Marta Reis " + tag + " said the vote ended a decade of deficits"),
                "the teaser-only entry's text comes from its page: " + council.get("text"));
        assertEquals(1, server.requests("/news/council-" + tag).size(), "the page was fetched once");
        assertTrue(server.requests("/news/harbour-" + tag).isEmpty(), "an entry with its full text needs no page");

        Map<String, Object> wire = article(server.url("/wire/" + tag)).orElseThrow();
        assertEquals("Ferries " + tag + " resume", wire.get("title"));
        assertEquals("Atom Outlet " + tag, wire.get("source"));
        assertEquals(Instant.parse("2023-11-07T10:00:00Z"), wire.get("published_at"));

        given().when().get("/api/v1/feeds/" + rssFeed)
                .then().statusCode(200)
                .body("url", equalTo(server.url("/rss-" + tag + ".xml")))
                .body("intervalMinutes", equalTo(15))
                .body("lastOutcome", equalTo("ok"))
                .body("lastError", nullValue())
                .body("lastItemsSeen", equalTo(2))
                .body("lastItemsNew", equalTo(2))
                .body("consecutiveFailures", equalTo(0))
                .body("lastPolledAt", notNullValue())
                .body("recentPolls.size()", equalTo(1))
                .body("recentPolls[0].outcome", equalTo("ok"))
                .body("recentPolls[0].httpStatus", equalTo(200))
                .body("recentPolls[0].itemsNew", equalTo(2));
        JsonPath rss = feed(rssFeed);
        Duration untilNext = Duration.between(Instant.parse(rss.getString("lastPolledAt")), Instant.parse(rss.getString("nextPollAt")));
        assertEquals(Duration.ofMinutes(15), untilNext);
        assertEquals("Atom Outlet " + tag, feed(atomFeed).getString("source"));
        assertEquals(1, feed(atomFeed).getInt("lastItemsNew"));

        List<Integer> listed = given().when().get("/api/v1/feeds").then().statusCode(200)
                .body("items.find { it.id == " + rssFeed + " }.lastOutcome", equalTo("ok"))
                .body("items.find { it.id == " + rssFeed + " }.recentPolls", nullValue())
                .extract().jsonPath().getList("items.id", Integer.class);
        assertTrue(listed.containsAll(List.of((int) rssFeed, (int) atomFeed)));
    }

    @Test
    void secondPollIsConditionalAndStoresNothingNew() throws SQLException {
        String tag = unique();
        String etag = "\"v1-" + tag + "\"";
        String lastModified = "Tue, 07 Nov 2023 10:00:00 GMT";
        String path = "/conditional-" + tag + ".xml";
        server.serve(path, 200, Map.of("Content-Type", "application/atom+xml", "ETag", etag, "Last-Modified", lastModified),
                atom(tag, "Ferries " + tag + " resume"));
        long id = subscribe(Map.of("url", server.url(path)), 201);

        poller.tick();
        assertEquals("ok", feed(id).getString("lastOutcome"));
        assertEquals(1, feed(id).getInt("lastItemsNew"));
        long articles = count("SELECT count(*) FROM ingest.articles");
        assertTrue(server.requests(path).get(0).getFirst("If-None-Match") == null, "the first poll is unconditional");

        makeDue(id);
        poller.tick();

        var second = server.requests(path).get(1);
        assertEquals(etag, second.getFirst("If-None-Match"));
        assertEquals(lastModified, second.getFirst("If-Modified-Since"));
        given().when().get("/api/v1/feeds/" + id)
                .then().statusCode(200)
                .body("lastOutcome", equalTo("not_modified"))
                .body("lastItemsSeen", equalTo(0))
                .body("lastItemsNew", equalTo(0))
                .body("consecutiveFailures", equalTo(0))
                .body("recentPolls.size()", equalTo(2))
                .body("recentPolls[0].outcome", equalTo("not_modified"))
                .body("recentPolls[0].httpStatus", equalTo(304))
                .body("recentPolls[1].outcome", equalTo("ok"));
        assertEquals(articles, count("SELECT count(*) FROM ingest.articles"));
    }

    @Test
    void failingFeedIsAnErrorAndBacksOff() {
        String tag = unique();
        String path = "/broken-" + tag + ".xml";
        server.serve(path, 500, "text/plain", "internal error");
        long id = subscribe(Map.of("url", server.url(path), "intervalMinutes", 10), 201);

        poller.tick();
        JsonPath first = given().when().get("/api/v1/feeds/" + id)
                .then().statusCode(200)
                .body("lastOutcome", equalTo("error"))
                .body("lastError", containsString("HTTP 500"))
                .body("consecutiveFailures", equalTo(1))
                .body("recentPolls[0].outcome", equalTo("error"))
                .body("recentPolls[0].httpStatus", equalTo(500))
                .extract().jsonPath();
        assertEquals(Duration.ofMinutes(20), untilNextPoll(first), "one failure doubles the 10-minute interval");

        makeDue(id);
        poller.tick();
        JsonPath second = feed(id);
        assertEquals(2, second.getInt("consecutiveFailures"));
        assertEquals(Duration.ofMinutes(40), untilNextPoll(second), "a second failure doubles it again");

        server.serve(path, 200, "application/atom+xml", atom(tag, "Back " + tag + " online"));
        makeDue(id);
        poller.tick();
        JsonPath recovered = feed(id);
        assertEquals("ok", recovered.getString("lastOutcome"));
        assertEquals(0, recovered.getInt("consecutiveFailures"));
        assertEquals(Duration.ofMinutes(10), untilNextPoll(recovered), "success resets the interval");
    }

    @Test
    void documentThatIsNotAFeedIsAnError() {
        String tag = unique();
        String path = "/not-a-feed-" + tag;
        server.serve(path, 200, "text/html", "<html><body>Welcome</body></html>");
        long id = subscribe(Map.of("url", server.url(path)), 201);

        poller.tick();
        given().when().get("/api/v1/feeds/" + id)
                .then().statusCode(200)
                .body("lastOutcome", equalTo("error"))
                .body("lastError", containsString("not an RSS or Atom feed"))
                .body("consecutiveFailures", equalTo(1));
    }

    @Test
    void oneBadEntryDoesNotStopTheOthers() throws SQLException {
        String tag = unique();
        String path = "/mixed-" + tag + ".xml";
        server.serve(path, 200, "application/rss+xml", """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>Mixed %1$s</title><link>%2$s</link><description>d</description>
                  <item><title>Teaser %1$s</title><link>%2$s/missing-page-%1$s</link><description>Only a teaser.</description></item>
                  <item><link>%2$s/untitled-%1$s</link><description>%3$s</description></item>
                  <item><title>Complete %1$s</title><link>%2$s/complete-%1$s</link><description>%3$s Complete %1$s.</description></item>
                </channel></rss>
                """.formatted(tag, server.url(""), LONG_PARAGRAPH));
        long id = subscribe(Map.of("url", server.url(path)), 201);

        poller.tick();
        given().when().get("/api/v1/feeds/" + id)
                .then().statusCode(200)
                .body("lastOutcome", equalTo("ok"))
                .body("lastItemsSeen", equalTo(3))
                .body("lastItemsNew", equalTo(1))
                .body("recentPolls[0].itemsFailed", equalTo(2))
                .body("lastError", containsString("2 of 3 entries not stored"));
        assertTrue(article(server.url("/complete-" + tag)).isPresent());
        assertFalse(article(server.url("/missing-page-" + tag)).isPresent());
    }

    @Test
    void onlyOneReplicaPollsAtATime() {
        String tag = unique();
        server.serve("/guarded-" + tag + ".xml", 200, "application/atom+xml", atom(tag, "Guarded " + tag));
        long id = subscribe(Map.of("url", server.url("/guarded-" + tag + ".xml")), 201);

        AtomicBoolean polledWhileHeld = new AtomicBoolean(true);
        assertTrue(guard.runExclusively(FeedPoller.TASK, () -> polledWhileHeld.set(poller.tick())));
        assertFalse(polledWhileHeld.get(), "a tick must be skipped while another session holds the polling lock");
        given().when().get("/api/v1/feeds/" + id).then().body("lastOutcome", nullValue());

        assertTrue(poller.tick(), "the lock is released after use");
        given().when().get("/api/v1/feeds/" + id).then().body("lastOutcome", equalTo("ok"));
    }

    static Stream<Arguments> invalidSubscriptions() {
        return Stream.of(
                Arguments.of("ftp URL", Map.of("url", "ftp://example.org/feed.xml"), "url"),
                Arguments.of("not a URL", Map.of("url", "not a url"), "url"),
                Arguments.of("relative URL", Map.of("url", "/feed.xml"), "url"),
                Arguments.of("javascript URL", Map.of("url", "javascript:alert(1)"), "url"),
                Arguments.of("blank URL", Map.of("url", " "), "url"),
                Arguments.of("no URL", Map.of("source", "Example News"), "url"),
                Arguments.of("zero interval", Map.of("url", "http://127.0.0.1:1/feed.xml", "intervalMinutes", 0), "intervalMinutes"),
                Arguments.of("negative interval", Map.of("url", "http://127.0.0.1:1/feed.xml", "intervalMinutes", -5), "intervalMinutes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSubscriptions")
    void invalidSubscriptionIsA400NamingTheFieldAndStoresNothing(String name, Map<String, Object> body, String field)
            throws SQLException {
        long feeds = count("SELECT count(*) FROM ingest.feeds");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/feeds")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/invalid-field"))
                .body("field", equalTo(field))
                .body("detail", notNullValue());
        assertEquals(feeds, count("SELECT count(*) FROM ingest.feeds"));
    }

    @Test
    void subscribingTwiceReturnsTheExistingFeed() throws SQLException {
        String tag = unique();
        String url = server.url("/twice-" + tag + ".xml");
        var created = given().contentType(ContentType.JSON).body(Map.of("url", url, "source", "First " + tag))
                .when().post("/api/v1/feeds")
                .then().statusCode(201)
                .extract();
        long first = created.jsonPath().getLong("id");
        assertTrue(created.header("Location").endsWith("/api/v1/feeds/" + first), created.header("Location"));
        Map<String, Object> again = new HashMap<>();
        again.put("url", url.replace("http://", "HTTP://") + "?utm_source=newsletter");
        again.put("source", "Second " + tag);
        given().contentType(ContentType.JSON).body(again)
                .when().post("/api/v1/feeds")
                .then().statusCode(200)
                .body("id", equalTo((int) first))
                .body("source", equalTo("First " + tag));
        assertEquals(1, count("SELECT count(*) FROM ingest.feeds WHERE canonical_url = '" + url + "'"));
        given().when().delete("/api/v1/feeds/" + first).then().statusCode(204);
    }

    @Test
    void unsubscribingDeletesTheFeedAndItsPolls() throws SQLException {
        String tag = unique();
        server.serve("/leaving-" + tag + ".xml", 200, "application/atom+xml", atom(tag, "Leaving " + tag));
        long id = subscribe(Map.of("url", server.url("/leaving-" + tag + ".xml")), 201);
        poller.tick();
        assertEquals(1, count("SELECT count(*) FROM ingest.feed_polls WHERE feed_id = " + id));

        given().when().delete("/api/v1/feeds/" + id).then().statusCode(204);

        given().when().get("/api/v1/feeds/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/not-found"))
                .body("detail", containsString(String.valueOf(id)));
        given().when().delete("/api/v1/feeds/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json");
        assertEquals(0, count("SELECT count(*) FROM ingest.feed_polls WHERE feed_id = " + id));
        given().when().get("/api/v1/feeds").then().statusCode(200)
                .body("items.id", not(hasItems((int) id)));
    }

    @Test
    void openApiDescribesTheFeedEndpointsWithExamples() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.'/api/v1/feeds'.post.responses.'201'", notNullValue())
                .body("paths.'/api/v1/feeds'.post.responses.'400'", notNullValue())
                .body("paths.'/api/v1/feeds'.post.requestBody.content.'application/json'.examples.subscribe.value.url",
                        equalTo("https://example.org/world/rss.xml"))
                .body("paths.'/api/v1/feeds'.get", notNullValue())
                .body("paths.'/api/v1/feeds/{id}'.get.responses.'404'", notNullValue())
                .body("paths.'/api/v1/feeds/{id}'.delete.responses.'204'", notNullValue())
                .body("components.schemas.Feed.properties.lastOutcome.examples[0]", equalTo("ok"));
    }

    private static Duration untilNextPoll(JsonPath feed) {
        return Duration.between(Instant.parse(feed.getString("lastPolledAt")), Instant.parse(feed.getString("nextPollAt")));
    }

    private void makeDue(long feedId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE ingest.feeds SET next_poll_at = now() - interval '1 second' WHERE id = ?")) {
            update.setLong(1, feedId);
            assertEquals(1, update.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Map<String, Object>> article(String canonicalUrl) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT a.title, a.url, a.text, a.published_at, s.name AS source
                     FROM ingest.articles a LEFT JOIN ingest.sources s ON s.id = a.source_id
                     WHERE a.canonical_url = ?""")) {
            query.setString(1, canonicalUrl);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Map<String, Object> article = new HashMap<>();
                article.put("title", rows.getString("title"));
                article.put("url", rows.getString("url"));
                article.put("text", rows.getString("text"));
                article.put("source", rows.getString("source"));
                OffsetDateTime published = rows.getObject("published_at", java.time.OffsetDateTime.class);
                article.put("published_at", published == null ? null : published.toInstant());
                return Optional.of(article);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
