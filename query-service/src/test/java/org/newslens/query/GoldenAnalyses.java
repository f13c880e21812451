package org.newslens.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * nlp-service's golden analysis documents ({@code contracts/analysis/}): invented articles and the
 * analysis its real job workers stored for each, checked by nlp-service's GoldenAnalysisDocumentsTest.
 * query-service's tests index these instead of JSON of their own, so they follow nlp-service's stored
 * format wherever it goes.
 */
public final class GoldenAnalyses {

    /** The richest golden article: every list in its analysis has entries, so tests copy their shape from it. */
    public static final String RICH = "harbour-strike";

    private static final Path FOLDER = Path.of("..", "contracts", "analysis");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One golden article and its stored analysis, {@code analysis} exactly as the file holds it. */
    public record Golden(String name, String title, String text, String languageHint, String analysis) {

        public JsonNode json() {
            return GoldenAnalyses.parse(analysis);
        }
    }

    private GoldenAnalyses() {
    }

    public static List<String> names() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".analysis.json"))
                    .map(n -> n.replace(".analysis.json", "")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + FOLDER, e);
        }
    }

    public static Golden load(String name) {
        try {
            JsonNode article = JSON.readTree(FOLDER.resolve(name + ".article.json").toFile());
            String analysis = Files.readString(FOLDER.resolve(name + ".analysis.json"));
            return new Golden(name, article.path("title").asText(null), article.path("text").asText(),
                    article.path("languageHint").asText(null), analysis);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the golden analysis " + name + " under " + FOLDER, e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("A golden analysis is not JSON", e);
        }
    }
}
