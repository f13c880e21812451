package org.newslens.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Grafana dashboard (k8s/monitoring/grafana-dashboard.json) shows only metrics that exist: every
 * metric named in its queries is in the /q/metrics of a freshly started service, before any traffic, so a
 * renamed or removed metric fails here instead of leaving an empty panel.
 */
class DashboardMetricsIT {

    private static final Pattern SAMPLE_NAME = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE);

    @TempDir
    static Path work;
    static SuiteProcesses suite;

    @BeforeAll
    static void startSuite() throws Exception {
        suite = SuiteProcesses.start(work);
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void everyMetricTheDashboardQueriesIsPublished() throws IOException {
        Set<String> published = new TreeSet<>();
        for (String url : List.of(suite.ingestUrl, suite.nlpUrl, suite.queryUrl)) {
            String exposition = given().baseUri(url).when().get("/q/metrics").then().statusCode(200).extract().asString();
            Matcher sample = SAMPLE_NAME.matcher(exposition);
            while (sample.find()) {
                published.add(sample.group(1));
            }
        }

        Set<String> queried = new TreeSet<>();
        JsonNode dashboard = new ObjectMapper().readTree(
                SuiteProcesses.root().resolve("k8s/monitoring/grafana-dashboard.json").toFile());
        for (JsonNode expression : dashboard.findValues("expr")) {
            queried.addAll(PromQlMetricNames.of(expression.asText()));
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            if ("query".equals(variable.path("type").asText())) {
                queried.addAll(PromQlMetricNames.of(query.isObject() ? query.path("query").asText() : query.asText()));
            }
        }

        assertTrue(queried.size() >= 10, "the dashboard's queries name too few metrics to be read right: " + queried);
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(published);
        assertTrue(missing.isEmpty(), "the dashboard queries metrics no service publishes: " + missing
                + "\npublished newslens_ metrics: " + published.stream().filter(n -> n.startsWith("newslens_")).toList());
    }
}
