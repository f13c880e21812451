package org.newslens.nlp.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The suite's contract files (the repository's {@code contracts/} folder), which nlp-service's tests
 * produce or check as the provider and the other services' tests read as consumers. With
 * {@code -Dcontracts.update=true} a golden file that differs is rewritten instead of failing the test.
 */
public final class ContractFiles {

    /** Surefire runs each module's tests in the module's folder. */
    public static final Path ROOT = Path.of("..", "contracts");
    public static final String REFRESH = "./mvnw -pl nlp-service -am test -Dtest=GoldenAnalysisDocumentsTest -Dcontracts.update=true";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ContractFiles() {
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read contract file " + file, e);
        }
    }

    /** The files in {@code folder} (under contracts/) whose names end with {@code suffix}, sorted by name. */
    public static List<Path> list(String folder, String suffix) {
        try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list contracts/" + folder, e);
        }
    }

    /**
     * Fails unless {@code golden} holds {@code actual} (compared as indented JSON, so the diff reads line by
     * line); under -Dcontracts.update=true writes it instead.
     */
    public static void assertGolden(Path golden, JsonNode actual) {
        String actualText = pretty(actual);
        if (Boolean.getBoolean("contracts.update")) {
            write(golden, actualText);
            return;
        }
        String expectedText = Files.exists(golden) ? pretty(read(golden)) : "";
        assertEquals(expectedText, actualText, golden.normalize() + " no longer matches what nlp-service produces."
                + " Other services' tests read this file as their contract. If the change is intended, refresh the"
                + " golden files with `" + REFRESH + "`, run query-service's tests against them, and commit both.");
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write contract file " + file, e);
        }
    }
}
