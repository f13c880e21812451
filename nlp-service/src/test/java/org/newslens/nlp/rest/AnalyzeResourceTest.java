package org.newslens.nlp.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.nlp.ModelsReady;
import org.newslens.nlp.PostgresTestResource;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class AnalyzeResourceTest {

    private static final String BLINKEN = "Antony Blinken met Mohammed Shia' al-Sudani in Baghdad. Blinken later flew to Ankara.";

    @BeforeEach
    void modelsLoaded() throws InterruptedException {
        ModelsReady.await();
    }

    private static JsonPath analyze(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/analyze")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    @Test
    void mergesAPersonsNamesIntoOneEntity() {
        JsonPath result = analyze(Map.of("text", BLINKEN, "title", "t"));

        assertEquals("en", result.getString("language"));
        assertEquals(List.of("language", "ner", "gazetteer", "canonicalize", "keyphrases", "summary", "tone", "framing",
                "quotes", "quantities", "embedding"), result.getList("stages"));
        assertEquals(Map.of("model", "all-minilm-l6-v2-q", "dimensions", 384), result.getMap("embedding"));
        assertEquals(2, result.getInt("sentences"));
        List<Map<String, Object>> blinkens = result.getList("entities.findAll { e -> e.type == 'PERSON' && e.canonical.contains('Blinken') }");
        assertEquals(1, blinkens.size());
        assertEquals("Antony Blinken", blinkens.get(0).get("canonical"));
        assertEquals(List.of("Antony Blinken", "Blinken"), blinkens.get(0).get("aliases"));
        assertEquals(2, ((List<?>) blinkens.get(0).get("mentions")).size());
        assertEquals(List.of("Baghdad", "Ankara"), result.getList("entities.findAll { e -> e.type == 'LOCATION' }.canonical"));
        assertEquals("Q1530", result.getString("entities.find { e -> e.canonical == 'Baghdad' }.kbId"));
        assertMentionsMatch(BLINKEN, result);
    }

    /** The project's own sample report on the same visit; always present. */
    @Test
    void projectSampleHasOneBlinkenAndOneSudani() throws IOException {
        String text = new ObjectMapper().readTree(Path.of("../samples/articles/01-blinken-baghdad.json").toFile()).get("text").asText();
        JsonPath result = analyze(Map.of("text", text));

        List<String> persons = result.getList("entities.findAll { e -> e.type == 'PERSON' }.canonical");
        assertEquals(1, persons.stream().filter(p -> p.contains("Blinken")).count(), persons.toString());
        assertTrue(persons.contains("Antony Blinken"), persons.toString());
        assertEquals(1, persons.stream().filter(p -> p.contains("Sudani")).count(), persons.toString());
        assertMentionsMatch(text, result);

        assertFalse(result.getList("keyphrases").isEmpty());
        assertTrue(result.getFloat("keyphrases[0].score") > 0);
        List<String> summary = result.getList("summary");
        assertTrue(summary.size() >= 2 && summary.size() <= 3 && summary.stream().allMatch(text::contains), summary.toString());
        assertTrue(List.of("negative", "neutral", "positive").contains(result.getString("tone.label")));
        float score = result.getFloat("tone.score");
        assertTrue(score >= -1 && score <= 1);
        assertFalse(result.getList("tone.evidence").isEmpty());
        assertEquals(result.getInt("sentences"), result.getList("sentenceTones").size());
        assertEquals("United States", result.getString("entities.find { e -> e.type == 'LOCATION' && e.aliases.contains('US') }.canonical"));
        assertTrue(result.getString("entities.find { e -> e.canonical == 'Antony Blinken' }.tone.label") != null);
        List<Map<String, Object>> quotes = result.getList("quotes");
        assertTrue(quotes.stream().anyMatch(q -> "Antony Blinken".equals(q.get("speaker"))
                && ((String) q.get("text")).startsWith("We want to make sure")), quotes.toString());
        assertSpansMatch(text, quotes);
    }

    /** The shared seed article, present beside the repository in development and CI only. */
    @Test
    void seedArticleHasOneBlinkenOneSudaniAndNoPronounsOrTitleFragments() throws IOException {
        Path seed = Path.of("../../shared/samples/us-iraq-relations.txt");
        assumeTrue(Files.exists(seed), "../shared/samples is not beside this checkout");
        String text = Files.readString(seed);
        JsonPath result = analyze(Map.of("text", text));

        List<String> persons = result.getList("entities.findAll { e -> e.type == 'PERSON' }.canonical");
        assertEquals(1, persons.stream().filter(p -> p.contains("Blinken")).count(), persons.toString());
        assertTrue(persons.contains("Antony Blinken"), persons.toString());
        List<String> sudanis = persons.stream().filter(p -> p.contains("Sudani")).toList();
        assertEquals(List.of("Mohammed Shia' al-Sudani"), sudanis);
        List<String> surfaces = result.getList("entities.mentions.flatten().text");
        assertFalse(surfaces.contains("his"), surfaces.toString());
        assertFalse(result.getList("entities.canonical").contains("State"));
        assertMentionsMatch(text, result);

        List<Map<String, Object>> framing = result.getList("framing");
        assertSpansMatch(text, framing);
        Map<String, Object> zionistRegime = framing.stream().filter(m -> m.get("text").equals("Zionist regime")).findFirst().orElseThrow();
        assertEquals("loaded-label", zionistRegime.get("category"));
        assertEquals("Israel", zionistRegime.get("target"));
        assertTrue(framing.stream().anyMatch(m -> m.get("text").equals("heinous") && m.get("category").equals("emotive-adjective")));
        List<Map<String, Object>> quotes = result.getList("quotes");
        assertSpansMatch(text, quotes);
        assertTrue(quotes.stream().anyMatch(q -> "Antony Blinken".equals(q.get("speaker"))), quotes.toString());
        List<Map<String, Object>> quantities = result.getList("quantities");
        assertSpansMatch(text, quantities);
        Map<String, Object> casualties = quantities.stream()
                .filter(q -> q.get("text").equals("10,000 Palestinian casualties")).findFirst().orElseThrow(() -> new AssertionError(quantities));
        assertEquals(10000f, ((Number) casualties.get("value")).floatValue());
        assertEquals("casualties", casualties.get("noun"));
        assertEquals("negative", result.getString("tone.label"));
    }

    @Test
    void identifiesOtherLanguagesAndSkipsEnglishOnlyStages() {
        JsonPath french = analyze(Map.of("text", "Le président de la République a reçu mardi les syndicats à l'Élysée pour discuter des retraites."));
        assertEquals("fr", french.getString("language"));
        assertEquals(List.of("language", "canonicalize", "embedding"), french.getList("stages"));
        assertEquals(384, french.getInt("embedding.dimensions"));
        assertEquals(List.of(), french.getList("keyphrases"));
        assertTrue(french.get("tone") == null);

        JsonPath german = analyze(Map.of("text", "Die Bundesregierung hat am Dienstag in Berlin ein neues Klimaschutzgesetz beschlossen."));
        assertEquals("de", german.getString("language"));
    }

    @Test
    void missingOrBlankTextIsAProblemNamingTheField() {
        for (Map<String, Object> body : List.of(Map.<String, Object>of("title", "t"), Map.<String, Object>of("text", "  "))) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/analyze")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("https://newslens.dev/problems/invalid-field"))
                    .body("field", equalTo("text"));
        }
    }

    @Test
    void textOverTheLimitIsRefusedWith413() {
        given().contentType(ContentType.JSON).body(Map.of("text", "x".repeat(1_000_001)))
                .when().post("/api/v1/analyze")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/too-large"))
                .body("field", equalTo("text"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"text\": ")
                .when().post("/api/v1/analyze")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/malformed-json"))
                .body("detail", startsWith("The body is not a valid JSON"));
    }

    private static void assertSpansMatch(String text, List<Map<String, Object>> spans) {
        for (Map<String, Object> span : spans) {
            assertEquals(span.get("text"), text.substring((Integer) span.get("start"), (Integer) span.get("end")));
        }
    }

    private static void assertMentionsMatch(String text, JsonPath result) {
        List<Map<String, Object>> mentions = result.getList("entities.mentions.flatten()");
        assertFalse(mentions.isEmpty());
        for (Map<String, Object> mention : mentions) {
            assertEquals(mention.get("text"), text.substring((Integer) mention.get("start"), (Integer) mention.get("end")));
        }
    }
}
