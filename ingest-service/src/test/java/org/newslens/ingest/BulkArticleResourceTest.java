package org.newslens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class BulkArticleResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    private static List<JsonNode> postBulk(byte[] body) throws IOException {
        String response = given().contentType("application/x-ndjson").body(body)
                .when().post("/api/v1/articles/bulk")
                .then().statusCode(200).contentType("application/x-ndjson")
                .extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void goodLinesAreStoredAroundBadOnesWithOneResultPerLine() throws Exception {
        String tag = TestReports.tag();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"title\": \"Dam " + tag + "\", \"text\": \"A dam " + tag + " opened in the valley.\", \"url\": \"https://bulk.example/" + tag + "/1\"}\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes("[1, 2]\n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("{\"title\": \"No text " + tag + "\"}\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes("{\"title\": \"Broken\", \"text\": \n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xff, '"', '}', '\n'});
        body.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("{\"title\": \"Dam again\", \"text\": \"Other words\", \"url\": \"https://bulk.example/" + tag + "/1?utm_source=feed\"}\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("{\"title\": \"Mill " + tag + "\", \"text\": \"A mill " + tag + " closed.\", \"publishedAt\": \"2024-01-02\"}").getBytes(StandardCharsets.UTF_8));
        long before = articles();

        List<JsonNode> results = postBulk(body.toByteArray());

        assertEquals(8, results.size(), results.toString());
        assertEquals("created", results.get(0).get("status").asText(), results.get(0).toString());
        long first = results.get(0).get("id").asLong();
        assertEquals(2, results.get(1).get("line").asInt());
        assertEquals("rejected", results.get(1).get("status").asText());
        assertEquals("https://newslens.dev/problems/malformed-json", results.get(1).get("error").get("type").asText());
        assertEquals("text", results.get(2).get("error").get("field").asText());
        assertEquals("rejected", results.get(3).get("status").asText());
        assertEquals("rejected", results.get(4).get("status").asText());
        assertEquals(7, results.get(5).get("line").asInt(), "the blank line 6 is skipped");
        assertEquals("duplicate", results.get(5).get("status").asText());
        assertEquals(first, results.get(5).get("duplicateOf").asLong());
        assertEquals("created", results.get(6).get("status").asText());
        JsonNode summary = results.get(7).get("summary");
        assertEquals(7, summary.get("lines").asInt());
        assertEquals(2, summary.get("created").asInt());
        assertEquals(1, summary.get("duplicate").asInt());
        assertEquals(4, summary.get("rejected").asInt());
        assertEquals(before + 2, articles());
    }

    @Test
    void everyJobOfABulkRequestCarriesItsTrace() throws Exception {
        String tag = TestReports.tag();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String body = "{\"title\": \"Pier " + tag + "\", \"text\": \"A pier " + tag + " reopened.\"}\n"
                + "{\"title\": \"Quay " + tag + "\", \"text\": \"A quay " + tag + " flooded.\"}\n";
        given().contentType("application/x-ndjson").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/articles/bulk")
                .then().statusCode(200);

        assertEquals(2, jobsFor(tag));
        assertEquals(2, single("SELECT count(*) FROM nlp.jobs j JOIN ingest.articles a ON a.id = j.article_id"
                + " WHERE a.text LIKE ? AND j.traceparent LIKE '00-" + traceId + "-%'", "%" + tag + "%"),
                "stored by the bulk storer thread, within the request's trace");
    }

    @Test
    void manyLinesAreStoredAcrossBatches() throws Exception {
        String tag = TestReports.tag();
        StringBuilder body = new StringBuilder();
        int count = 1_234;
        for (int i = 0; i < count; i++) {
            body.append("{\"title\": \"Item ").append(i).append("\", \"text\": \"Bulk item ").append(i).append(' ').append(tag)
                    .append(" reports ").append(Integer.toHexString(i * 7919)).append(".\", \"source\": \"Bulk ").append(tag).append("\"}\n");
        }
        long before = articles();
        List<JsonNode> results = postBulk(body.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(count + 1, results.size());
        for (int i = 0; i < count; i++) {
            assertEquals(i + 1, results.get(i).get("line").asInt());
        }
        assertEquals(count, results.get(count).get("summary").get("lines").asInt());
        assertEquals(0, results.get(count).get("summary").get("rejected").asInt());
        assertEquals(before + count - results.get(count).get("summary").get("duplicate").asInt(), articles());
        assertEquals(articles() - before, jobsFor(tag));
    }

    @Test
    void repeatsWithinOneBatchAreFoundAsIfPostedOneAfterAnother() throws Exception {
        String tag = TestReports.tag();
        String report = TestReports.report(tag);
        String other = TestReports.report(TestReports.tag());
        List<Map<String, Object>> lines = List.of(
                Map.of("title", "Original", "text", report, "url", "https://first.example/" + tag, "externalId", "x-" + tag),
                Map.of("title", "Same body", "text", report, "url", "https://second.example/" + tag),
                Map.of("title", "Syndicated", "text", "Wire | Follow us for updates\n" + report + "\nCopyright. All rights reserved.",
                        "url", "https://third.example/" + tag),
                Map.of("title", "Syndicated again", "text", "Breaking\n" + report + "\nShare this story",
                        "url", "https://fourth.example/" + tag),
                Map.of("title", "Same external id", "text", other, "url", "https://fifth.example/" + tag, "externalId", "x-" + tag),
                Map.of("title", "Another report", "text", other, "url", "https://sixth.example/" + tag));
        StringBuilder body = new StringBuilder();
        for (Map<String, Object> line : lines) {
            body.append(JSON.writeValueAsString(line)).append('\n');
        }
        long before = articles();

        List<JsonNode> results = postBulk(body.toString().getBytes(StandardCharsets.UTF_8));

        long original = results.get(0).get("id").asLong();
        assertEquals("created", results.get(0).get("status").asText());
        assertEquals("duplicate", results.get(1).get("status").asText(), "the same body under another URL");
        assertEquals(original, results.get(1).get("duplicateOf").asLong());
        assertEquals("near_duplicate", results.get(2).get("status").asText());
        assertEquals(original, results.get(2).get("nearDuplicateOf").asLong());
        assertEquals("near_duplicate", results.get(3).get("status").asText());
        assertEquals(original, results.get(3).get("nearDuplicateOf").asLong(), "links go to the earliest article");
        assertEquals("duplicate", results.get(4).get("status").asText(), "the same external id");
        assertEquals(original, results.get(4).get("duplicateOf").asLong());
        assertEquals("created", results.get(5).get("status").asText(), "another report with a body seen only under a repeated external id");
        assertEquals(before + 4, articles());
        assertEquals(3, jobsFor(tag), "jobs for the original and its near-duplicates (the sixth line is about another tag)");
        assertEquals(1, single("SELECT count(DISTINCT article_id) FROM ingest.article_lsh_bands WHERE article_id = ?::bigint",
                results.get(3).get("id").asText()), "near-duplicates are filed under their band keys too");

        List<JsonNode> again = postBulk(body.toString().getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < lines.size(); i++) {
            assertEquals("duplicate", again.get(i).get("status").asText(), again.get(i).toString());
        }
        assertEquals(before + 4, articles());
    }

    @Test
    void wrongContentTypeIsAProblem() {
        given().contentType("application/json").body("{\"title\": \"t\", \"text\": \"x\"}")
                .when().post("/api/v1/articles/bulk")
                .then().statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("https://newslens.dev/problems/unsupported-media-type"));
    }

    private long articles() throws SQLException {
        return single("SELECT count(*) FROM ingest.articles", null);
    }

    private long jobsFor(String tag) throws SQLException {
        return single("SELECT count(*) FROM nlp.jobs j JOIN ingest.articles a ON a.id = j.article_id WHERE a.text LIKE ?",
                "%" + tag + "%");
    }

    private long single(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
