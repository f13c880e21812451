package org.newslens.query.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of nlp-service's stored analysis (nlp.enrichments.analysis) that the index searches on,
 * plus the whole document as {@code json} so hits and exports can show it unchanged.
 */
public record ArticleAnalysis(Double toneScore, String toneLabel, List<String> keyphrases,
                              List<String> framingCategories, String json) {

    public static final ArticleAnalysis NONE = new ArticleAnalysis(null, null, List.of(), List.of(), null);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the analysis column; null (an enrichment from before analyses were stored) gives {@link #NONE}. */
    public static ArticleAnalysis parse(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode tone = root.path("tone");
            Double score = tone.path("score").isNumber() ? tone.path("score").asDouble() : null;
            String label = tone.path("label").isTextual() ? tone.path("label").asText() : null;
            return new ArticleAnalysis(score, label, texts(root.path("keyphrases"), "text"),
                    texts(root.path("framing"), "category"), json);
        } catch (IOException e) {
            throw new UncheckedIOException("The stored analysis is not JSON", e);
        }
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : array) {
            String value = item.isTextual() ? item.asText() : item.path(field).asText(null);
            if (value != null && !value.isBlank()) {
                values.add(value);
            }
        }
        return values;
    }
}
