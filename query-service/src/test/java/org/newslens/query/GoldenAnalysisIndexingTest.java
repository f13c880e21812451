package org.newslens.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newslens.query.GoldenAnalyses.Golden;
import org.newslens.query.index.SearchIndexer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumer side of nlp-service's stored analysis: its golden documents ({@link GoldenAnalyses},
 * written by nlp-service's real pipeline) are stored exactly as they are and indexed, and everything
 * query-service derives from an analysis (tone, tone label, keyphrases, framing facets, quantities,
 * entity tones, the export) must show the values the documents hold.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeNlpService.class)
class GoldenAnalysisIndexingTest {

    private static final String SOURCE = "Golden Gazette";
    private static final String ALL = "source:\"golden gazette\"";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Long> ARTICLES = new LinkedHashMap<>();
    private static final Map<String, Golden> GOLDEN = new LinkedHashMap<>();

    @Inject
    SearchIndexer indexer;

    @ConfigProperty(name = PostgresTestResource.OWNER_URL_KEY)
    String ownerUrl;

    @BeforeEach
    void loadGoldenArticles() throws Exception {
        if (!ARTICLES.isEmpty()) {
            return;
        }
        Fixtures db = new Fixtures(ownerUrl);
        long source = db.source(SOURCE);
        for (String name : GoldenAnalyses.names()) {
            Golden golden = GoldenAnalyses.load(name);
            GOLDEN.put(name, golden);
            ARTICLES.put(name, db.golden(source, golden, Instant.parse("2024-02-01T08:00:00Z")));
        }
        indexer.catchUp();
    }

    @Test
    void theRichGoldenDocumentHoldsEveryFieldQueryServiceReads() {
        JsonNode rich = GOLDEN.get(GoldenAnalyses.RICH).json();
        List<String> missing = new ArrayList<>();
        require(rich, "tone.score", rich.path("tone").path("score").isNumber(), missing);
        require(rich, "tone.label", rich.path("tone").path("label").isTextual(), missing);
        requireEach(rich, "keyphrases", "text", missing);
        requireEach(rich, "framing", "category", missing);
        requireEach(rich, "quantities", "text", missing);
        requireEach(rich, "quantities", "noun", missing);
        requireEach(rich, "entityTones", "canonical", missing);
        requireEach(rich, "entityTones", "type", missing);
        require(rich, "entityTones[].tone.score", rich.path("entityTones").path(0).path("tone").path("score").isNumber(), missing);
        require(rich, "quotes", rich.path("quotes").isArray() && !rich.path("quotes").isEmpty(), missing);
        assertTrue(missing.isEmpty(), "contracts/analysis/" + GoldenAnalyses.RICH + ".analysis.json, written by nlp-service,"
                + " lacks what query-service reads: " + missing + ". nlp-service renamed or dropped it: update query-service's"
                + " reading of the analysis (ArticleAnalysis, SourceComparer, EntityProfileReader, ExportCsv).");
    }

    @Test
    void hitsCarryTheStoredToneAndFiltersFindTheStoredKeyphrasesAndLabels() {
        JsonPath hits = given().queryParam("q", ALL).queryParam("facets", "framing").get("/api/v1/search").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(ARTICLES.size(), hits.getInt("total"));
        for (Map.Entry<String, Long> article : ARTICLES.entrySet()) {
            JsonNode tone = GOLDEN.get(article.getKey()).json().path("tone");
            Map<String, Object> hitTone = hits.getMap("hits.find { it.id == " + article.getValue() + " }.tone");
            if (tone.isNull()) {
                assertNull(hitTone, article.getKey());
            } else {
                assertEquals(tone.path("score").floatValue(), ((Number) hitTone.get("score")).floatValue(), 1e-4, article.getKey());
                assertEquals(tone.path("label").asText(), hitTone.get("label"), article.getKey());
                searchFinds(ALL + " AND tone_label:" + tone.path("label").asText(), article.getValue());
            }
            for (JsonNode keyphrase : GOLDEN.get(article.getKey()).json().path("keyphrases")) {
                searchFinds(ALL + " AND keyphrase:\"" + keyphrase.path("text").asText() + "\"", article.getValue());
            }
        }
        Map<String, Integer> facet = new TreeMap<>();
        for (Map<String, Object> value : hits.<Map<String, Object>>getList("facets.framing")) {
            facet.put((String) value.get("value"), (Integer) value.get("count"));
        }
        assertEquals(framingArticleCounts(), facet);
    }

    @Test
    void theExportCarriesTheStoredAnalysisUnchanged() throws Exception {
        String ndjson = given().queryParam("q", ALL).get("/api/v1/export").then().statusCode(200).extract().asString();
        Map<Long, JsonNode> exported = new HashMap<>();
        for (String line : ndjson.strip().split("\n")) {
            JsonNode article = JSON.readTree(line);
            exported.put(article.path("id").asLong(), article.path("analysis"));
        }
        for (Map.Entry<String, Long> article : ARTICLES.entrySet()) {
            assertEquals(GOLDEN.get(article.getKey()).json(), exported.get(article.getValue()), article.getKey());
        }
    }

    @Test
    void compareCountsTheStoredQuantities() {
        List<String> texts = new ArrayList<>();
        GOLDEN.values().forEach(g -> g.json().path("quantities").forEach(q -> texts.add(q.path("text").asText())));
        assertFalse(texts.isEmpty());
        JsonPath compare = given().queryParam("q", ALL).get("/api/v1/compare").then().statusCode(200).extract().jsonPath();
        assertEquals(texts.size(), compare.getInt("sources[0].quantities"));
        assertTrue(texts.containsAll(compare.getList("sources[0].topQuantities.text")), compare.prettify());
    }

    @Test
    void theEntityPageShowsTheStoredEntityTone() throws Exception {
        JsonNode entityTone = GOLDEN.get(GoldenAnalyses.RICH).json().path("entityTones").path(0);
        long entity = new Fixtures(ownerUrl).entity(entityTone.path("type").asText(), entityTone.path("canonical").asText());
        List<String> evidence = new ArrayList<>();
        entityTone.path("tone").path("evidence").forEach(e -> evidence.add(e.path("text").asText()));
        JsonPath profile = given().get("/api/v1/entities/{id}", entity).then().statusCode(200).extract().jsonPath();
        assertEquals(entityTone.path("tone").path("score").floatValue(), profile.getFloat("tone[0].meanTone"), 1e-4);
        assertEquals(evidence, profile.getList("tone[0].evidence.text"));
    }

    private static void searchFinds(String query, long article) {
        given().queryParam("q", query).get("/api/v1/search").then().statusCode(200).body("hits.id", hasItem((int) article));
    }

    /** For each framing category in the golden documents, how many of them have it. */
    private static Map<String, Integer> framingArticleCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Golden golden : GOLDEN.values()) {
            List<String> seen = new ArrayList<>();
            golden.json().path("framing").forEach(marker -> {
                String category = marker.path("category").asText();
                if (!seen.contains(category)) {
                    seen.add(category);
                    counts.merge(category, 1, Integer::sum);
                }
            });
        }
        return counts;
    }

    private static void require(JsonNode root, String field, boolean present, List<String> missing) {
        if (root.isMissingNode() || !present) {
            missing.add(field);
        }
    }

    private static void requireEach(JsonNode root, String list, String field, List<String> missing) {
        JsonNode items = root.path(list);
        boolean present = items.isArray() && !items.isEmpty();
        for (JsonNode item : items) {
            present &= item.path(field).isValueNode() && !item.path(field).isNull();
        }
        require(root, list + "[]." + field, present, missing);
    }
}
