package org.newslens.query;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.query.index.SearchIndexer;

import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Queries built to cost too much, and text no article can hold, are answered with a 400 problem that
 * names the parameter and the fix, never with a 500: regular expressions too complex to compile, patterns
 * that match too many words, fuzzy terms too long, too many terms, overlong queries, NUL characters.
 * (A lone surrogate cannot arrive in a URL: its UTF-8 bytes decode to U+FFFD; TextParameterGuardTest.)
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeNlpService.class)
class HostileQueryTest {

    /** More different words starting with "zqcost" than a pattern may match (newslens.search.max-term-expansions). */
    private static final int MANY_WORDS = 10_050;
    private static boolean loaded;

    @Inject
    SearchIndexer indexer;

    @ConfigProperty(name = PostgresTestResource.OWNER_URL_KEY)
    String ownerUrl;

    @BeforeEach
    void loadArticles() throws Exception {
        if (loaded) {
            return;
        }
        Fixtures db = new Fixtures(ownerUrl);
        String words = IntStream.range(0, MANY_WORDS).mapToObj(i -> String.format("zqcost%05d", i))
                .collect(Collectors.joining(" "));
        long article = db.article(db.source("Costly Gazette"), "Zqcost word list", words, null, "en",
                Instant.parse("2024-05-01T00:00:00Z"));
        db.enrich(article, "en");
        indexer.catchUp();
        loaded = true;
    }

    @Test
    void costlyRegularExpressionsAreRefusedInQAndInFilter() {
        for (String parameter : new String[] {"q", "filter"}) {
            refused(parameter, "/a{0,99999}/").body("detail", containsString("{n,m}"));
            refused(parameter, "/(a|b)*a(a|b){20}/").body("detail", containsString("too complex"));
            refused(parameter, "/(a{0,99}){0,99}/");
            refused(parameter, "/[/").body("detail", containsString("regular expression"));
        }
        given().queryParam("q", "/a{0,99999}/").get("/api/v1/timeline").then().statusCode(400).body("field", equalTo("q"));
        given().queryParam("q", "/a{0,99999}/").get("/api/v1/export").then().statusCode(400).body("field", equalTo("q"));
        search("q", "/zqcost0000[0-3]/").body("total", equalTo(1));
    }

    @Test
    void wildcardsThatCannotCompileOrMatchTooManyWordsAreRefused() {
        for (String parameter : new String[] {"q", "filter"}) {
            refused(parameter, "a*x????????????????????").body("detail", containsString("too complex"));
            refused(parameter, "zqcost*").body("detail", containsString("matches more than 10000 different words"));
            refused(parameter, "/zqcost.*/").body("detail", containsString("matches more than"));
            refused(parameter, "text:[zqcost00000 TO zqcost99999]").body("detail", containsString("matches more than"));
            refused(parameter, "*cost").body("detail", containsString("not allowed as first character"));
        }
        search("q", "zqcost0001*").body("total", equalTo(1));
        search("filter", "zqcost0001?").body("total", equalTo(1));
    }

    @Test
    void fuzzyTermsAreBoundedInLength() {
        String longWord = "zq".repeat(40);
        refused("q", longWord + "~2").body("detail", containsString("fuzzy"));
        refused("filter", longWord + "~").body("detail", containsString("fuzzy"));
        search("q", "zqcost00001~1").body("total", equalTo(1));
    }

    @Test
    void overlongQueriesAndTooManyTermsAreRefused() {
        refused("q", "water ".repeat(400)).body("detail", containsString("2000 a query may have"));
        // 600 words of two characters: within the length limit and the URL, each searched in title and text
        String manyWords = IntStream.range(36, 636).mapToObj(i -> Integer.toString(i, 36)).collect(Collectors.joining(" "));
        refused("q", manyWords).body("detail", containsString("more than 1024 terms"));
        refused("filter", manyWords).body("detail", containsString("more than 1024 terms"));
    }

    @Test
    void nulCharactersAreRefusedInAnyParameter() {
        unreadable("/api/v1/entities", "q", "%00");
        unreadable("/api/v1/entities", "type", "person%00");
        unreadable("/api/v1/search", "q", "water%00");
        unreadable("/api/v1/search", "filter", "water%00");
        unreadable("/api/v1/search", "cursor", "%00");
        unreadable("/api/v1/timeline", "interval", "day%00");
        given().urlEncodingEnabled(false).get("/api/v1/articles/1%00").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("id"));
        given().queryParam("q", "caf\u00e9 \ud83d\udcf0").get("/api/v1/search").then().statusCode(200);
    }

    private static void unreadable(String path, String parameter, String encoded) {
        given().urlEncodingEnabled(false).queryParam(parameter, encoded).get(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/invalid-parameter"))
                .body("field", equalTo(parameter))
                .body(not(containsString("Exception")));
    }

    private static ValidatableResponse refused(String parameter, String query) {
        return given().queryParam(parameter, query).get("/api/v1/search").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/invalid-query"))
                .body("field", equalTo(parameter))
                .body("detail", containsString(parameter + " "))
                .body(not(containsString("Exception")));
    }

    private static ValidatableResponse search(String parameter, String query) {
        return given().queryParam(parameter, query).get("/api/v1/search").then().statusCode(200);
    }
}
