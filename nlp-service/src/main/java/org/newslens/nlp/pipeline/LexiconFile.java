package org.newslens.nlp.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Reads the project's tab-separated word lists: '#' lines are comments, blank lines are skipped. */
final class LexiconFile {

    private LexiconFile() {
    }

    static List<String[]> rows(String resource) {
        try (InputStream in = LexiconFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    static List<String[]> parse(String tsv) {
        return Arrays.stream(tsv.split("\n"))
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.strip().split("\t"))
                .toList();
    }
}
