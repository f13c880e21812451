package org.newslens.ingest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pages built to hold a thread (deep nesting, masses of elements, a huge attribute) are answered with
 * a problem naming the limit, and once answered no thread is still working on them. How fast the
 * refusal comes is measured apart from the tests (see the README), not asserted here.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class HtmlLimitsTest {

    static ValidatableResponse postHtml(String html) {
        return given().contentType(ContentType.JSON).body(Map.of("title", "Limits " + TestReports.tag(), "html", html))
                .when().post("/api/v1/articles")
                .then();
    }

    /** Threads whose stack is inside the extraction: none may remain once the request is answered. */
    static List<String> threadsStillExtracting() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> Arrays.stream(thread.getValue()).anyMatch(frame ->
                        frame.getClassName().startsWith("org.newslens.ingest.service.HtmlArticleExtractor")
                                || frame.getClassName().startsWith("org.newslens.ingest.service.BoundedReadability")
                                || frame.getClassName().startsWith("net.dankito.readability4j")
                                || frame.getClassName().startsWith("org.jsoup.parser")))
                .map(thread -> thread.getKey().getName())
                .toList();
    }

    @Test
    void tenThousandNestedDivsAreRefusedNamingTheDepthLimit() {
        String html = "<html><body>" + "<div>".repeat(10_000) + "deep" + "</div>".repeat(10_000) + "</body></html>";
        postHtml(html).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/invalid-field"))
                .body("field", equalTo("html"))
                .body("detail", containsString("newslens.ingest.html.max-depth"))
                .body("detail", containsString("as text"));
        assertEquals(List.of(), threadsStillExtracting());
    }

    @Test
    void threeDeepPagesAtOnceAreAllRefusedAndLeaveNoThreadBehind() throws InterruptedException {
        String html = "<html><body>" + "<div>".repeat(10_000) + "deep" + "</div>".repeat(10_000) + "</body></html>";
        Thread[] clients = new Thread[3];
        int[] statuses = new int[3];
        for (int i = 0; i < clients.length; i++) {
            int client = i;
            clients[i] = new Thread(() -> statuses[client] = postHtml(html).extract().statusCode());
            clients[i].start();
        }
        for (Thread client : clients) {
            client.join();
        }
        assertEquals(List.of(400, 400, 400), Arrays.stream(statuses).boxed().toList());
        assertEquals(List.of(), threadsStillExtracting());
    }

    @Test
    void aHundredThousandSiblingParagraphsAreRefusedNamingTheElementLimit() {
        postHtml("<html><body>" + "<p>x</p>".repeat(100_000) + "</body></html>")
                .statusCode(400).body("field", equalTo("html"))
                .body("detail", containsString("newslens.ingest.html.max-elements"));
        assertEquals(List.of(), threadsStillExtracting());
    }

    @Test
    void aHugeAttributeIsBounded() {
        String html = "<html><body><article class=\"" + "story ".repeat(600_000) + "\"><p>"
                + TestReports.report(TestReports.tag()) + "</p></article></body></html>";
        postHtml(html).statusCode(oneOf(201, 400));
        assertEquals(List.of(), threadsStillExtracting());
    }

    @Test
    void anOrdinaryArticlePageStillExtracts() {
        String tag = TestReports.tag();
        String html = "<html lang=\"en\"><head><title>Ferry " + tag + "</title></head><body><nav><a href=\"/\">Home</a></nav>"
                + "<div class=\"wrapper\"><div class=\"main\"><article><h1>Ferry " + tag + "</h1><p>"
                + TestReports.report(tag) + "</p><p>" + TestReports.report(tag + "b") + "</p></article></div></div>"
                + "<footer>Contact</footer></body></html>";
        long id = given().contentType(ContentType.JSON).body(Map.of("html", html))
                .when().post("/api/v1/articles")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().when().get("/api/v1/articles/" + id)
                .then().statusCode(200).body("text", containsString("Officials in " + tag));
    }
}
