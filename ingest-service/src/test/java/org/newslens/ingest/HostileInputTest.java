package org.newslens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Input PostgreSQL cannot store (NUL, lone surrogates) and JSON that does not say what it means
 * (duplicate keys, wrong types, trailing text): each a 400 naming the field, single or per bulk line.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A valid article as JSON text, with {@code field} (a JSON member, raw) added or replacing its default. */
    private static String article(String tag, String member) {
        return "{" + member + ", \"title\": \"Hostile " + tag + "\", \"text\": \"" + TestReports.report(tag) + "\"}";
    }

    static Stream<Arguments> unstorableFields() {
        // escaped in the JSON text, so the bytes on the wire are plain ASCII: Jackson decodes them to U+0000 or a lone surrogate
        return Stream.of(
                Arguments.of("title", "{\"title\": \"Harbour\\u0000opens\", \"text\": \"The harbour opened.\"}"),
                Arguments.of("text", "{\"title\": \"Harbour\", \"text\": \"The harbour\\u0000opened.\"}"),
                Arguments.of("html", "{\"title\": \"Harbour\", \"html\": \"<p>The harbour\\u0000opened.</p>\"}"),
                Arguments.of("url", "{\"title\": \"Harbour\", \"text\": \"t\", \"url\": \"https://example.org/\\u0000\"}"),
                Arguments.of("source", "{\"title\": \"Harbour\", \"text\": \"t\", \"source\": \"News\\u0000\"}"),
                Arguments.of("language", "{\"title\": \"Harbour\", \"text\": \"t\", \"language\": \"en\\u0000\"}"),
                Arguments.of("publishedAt", "{\"title\": \"Harbour\", \"text\": \"t\", \"publishedAt\": \"2023\\u0000\"}"),
                Arguments.of("externalId", "{\"title\": \"Harbour\", \"text\": \"t\", \"externalId\": \"x\\u0000\"}"),
                Arguments.of("authors[1]", "{\"title\": \"Harbour\", \"text\": \"t\", \"authors\": [\"Ann\", \"B\\u0000\"]}"),
                Arguments.of("title", "{\"title\": \"Harbour \\ud800 opens\", \"text\": \"The harbour opened.\"}"),
                Arguments.of("text", "{\"title\": \"Harbour\", \"text\": \"ends with a high surrogate \\ud83d\"}"),
                Arguments.of("text", "{\"title\": \"Harbour\", \"text\": \"a low surrogate \\udc00 alone\"}"));
    }

    @ParameterizedTest
    @MethodSource("unstorableFields")
    void nulAndLoneSurrogatesAreRefusedNamingTheField(String field, String body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/invalid-field"))
                .body("field", equalTo(field));
    }

    @Test
    void aPairedSurrogateIsAnOrdinaryCharacter() {
        String tag = TestReports.tag();
        given().contentType(ContentType.JSON).body(article(tag, "\"source\": \"News \\ud83d\\udcf0\""))
                .when().post("/api/v1/articles")
                .then().statusCode(201);
    }

    @Test
    void aBulkLineWithANulIsRejectedNamingTheFieldAndItsNeighboursAreStored() throws IOException {
        String ndjson = article(TestReports.tag(), "\"externalId\": \"ok-" + TestReports.tag() + "\"") + "\n"
                + "{\"title\": \"Nul\", \"text\": \"body with a \\u0000 inside\"}\n"
                + article(TestReports.tag(), "\"externalId\": \"ok-" + TestReports.tag() + "\"") + "\n";
        List<JsonNode> lines = postBulk(ndjson);
        assertEquals("created", lines.get(0).get("status").asText());
        assertEquals("rejected", lines.get(1).get("status").asText());
        assertEquals("text", lines.get(1).get("error").get("field").asText());
        assertEquals(400, lines.get(1).get("error").get("status").asInt());
        assertEquals("created", lines.get(2).get("status").asText());
    }

    @Test
    void nulInFeedFieldsIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"url\": \"https://example.org/rss\\u0000.xml\"}")
                .when().post("/api/v1/feeds")
                .then().statusCode(400).body("field", equalTo("url"));
        given().contentType(ContentType.JSON).body("{\"url\": \"https://example.org/rss.xml\", \"source\": \"N\\u0000\"}")
                .when().post("/api/v1/feeds")
                .then().statusCode(400).body("field", equalTo("source"));
    }

    @Test
    void nulInAListFilterIsRefusedNamingTheParameter() {
        given().queryParam("source", "News\u0000").when().get("/api/v1/articles")
                .then().statusCode(400).body("field", equalTo("source"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"key\twith-tab", "k\u00e9y", "very-long-"})
    void anIdempotencyKeyThatIsNotAShortPrintableIdentifierIsRefused(String key) {
        String header = key.equals("very-long-") ? key.repeat(30) : key;
        given().header("Idempotency-Key", header).contentType(ContentType.JSON).body(article(TestReports.tag(), "\"source\": \"S\""))
                .when().post("/api/v1/articles")
                .then().statusCode(400).body("field", equalTo("Idempotency-Key"));
    }

    static Stream<Arguments> lenientJson() {
        String tag = "lenient";
        return Stream.of(
                Arguments.of(null, article(tag, "\"source\": \"S\"") + " trailing"),
                Arguments.of(null, article(tag, "\"source\": \"S\"") + " {\"title\": \"second\"}"),
                Arguments.of("title", "{\"title\": 123, \"text\": \"t\"}"),
                Arguments.of("title", "{\"title\": true, \"text\": \"t\"}"),
                Arguments.of("authors.[0]", "{\"title\": \"t\", \"text\": \"t\", \"authors\": [42]}"),
                Arguments.of("title", "{\"title\": \"first\", \"text\": \"t\", \"title\": \"second\"}"));
    }

    @ParameterizedTest
    @MethodSource("lenientJson")
    void trailingTextWrongTypesAndDuplicateKeysAreMalformedJson(String field, String body) {
        var response = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/malformed-json"));
        if (field != null) {
            response.body("field", equalTo(field));
        }
    }

    @Test
    void intervalMinutesMustBeANumberNotText() {
        given().contentType(ContentType.JSON).body("{\"url\": \"https://example.org/rss.xml\", \"intervalMinutes\": \"15\"}")
                .when().post("/api/v1/feeds")
                .then().statusCode(400).body("field", equalTo("intervalMinutes"));
    }

    @Test
    void intervalMinutesMustBeAWholeNumberNotAFraction() {
        given().contentType(ContentType.JSON).body("{\"url\": \"https://example.org/rss.xml\", \"intervalMinutes\": 1.5}")
                .when().post("/api/v1/feeds")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("intervalMinutes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+292278994-08-17T07:12:55Z", "+10000-01-01T00:00:00Z", "-0001-12-31T00:00:00Z", "+20000-01-01"})
    void aDateOutsideTheYearsOneToNineThousandIsRefusedNamingTheField(String date) {
        given().contentType(ContentType.JSON).body(article(TestReports.tag(), "\"publishedAt\": \"" + date + "\""))
                .when().post("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/invalid-field"))
                .body("field", equalTo("publishedAt"));
        given().queryParam("since", date).when().get("/api/v1/articles")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("since"));
    }

    @Test
    void theLastDayOfYearNineThousandNineHundredNinetyNineIsStored() {
        given().contentType(ContentType.JSON).body(article(TestReports.tag(), "\"publishedAt\": \"9999-12-31T23:59:59Z\""))
                .when().post("/api/v1/articles")
                .then().statusCode(201);
    }

    @Test
    void aBulkLineWithAnOutOfRangeDateIsRejectedAndItsNeighboursAreStored() throws IOException {
        String ndjson = article(TestReports.tag(), "\"source\": \"S\"") + "\n"
                + article(TestReports.tag(), "\"publishedAt\": \"+292278994-08-17T07:12:55Z\"") + "\n"
                + article(TestReports.tag(), "\"source\": \"S\"") + "\n";
        List<JsonNode> lines = postBulk(ndjson);
        assertEquals("created", lines.get(0).get("status").asText());
        assertEquals("rejected", lines.get(1).get("status").asText());
        assertEquals("publishedAt", lines.get(1).get("error").get("field").asText());
        assertEquals("created", lines.get(2).get("status").asText());
    }

    @Test
    void eachLenientBulkLineIsRejectedNamingTheFieldAndTheOthersAreStored() throws IOException {
        String ndjson = article(TestReports.tag(), "\"source\": \"S\"") + "\n"
                + article(TestReports.tag(), "\"source\": \"S\"") + " trailing\n"
                + "{\"title\": 123, \"text\": \"" + TestReports.report(TestReports.tag()) + "\"}\n"
                + "{\"title\": \"a\", \"title\": \"b\", \"text\": \"" + TestReports.report(TestReports.tag()) + "\"}\n"
                + article(TestReports.tag(), "\"source\": \"S\"") + "\n";
        List<JsonNode> lines = postBulk(ndjson);
        assertEquals("created", lines.get(0).get("status").asText());
        for (int i = 1; i <= 3; i++) {
            assertEquals("rejected", lines.get(i).get("status").asText(), "line " + (i + 1));
            assertEquals("https://newslens.dev/problems/malformed-json", lines.get(i).get("error").get("type").asText());
        }
        assertEquals("title", lines.get(2).get("error").get("field").asText());
        assertEquals("title", lines.get(3).get("error").get("field").asText());
        assertEquals("created", lines.get(4).get("status").asText());
    }

    @Test
    void unknownPropertiesStayAccepted() {
        given().contentType(ContentType.JSON).body(article(TestReports.tag(), "\"comingSoon\": {\"x\": 1}"))
                .when().post("/api/v1/articles")
                .then().statusCode(201);
    }

    @Test
    void problemsAndApiAnswersAreMarkedNosniff() {
        given().when().get("/api/v1/articles").then().statusCode(200).header("X-Content-Type-Options", "nosniff");
        given().when().get("/api/v1/articles/999999999").then().statusCode(404)
                .contentType("application/problem+json").header("X-Content-Type-Options", "nosniff")
                .body("detail", containsString("999999999"));
    }

    private static List<JsonNode> postBulk(String ndjson) throws IOException {
        String response = given().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/articles/bulk")
                .then().statusCode(200).extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
