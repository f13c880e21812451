package org.newslens.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ROME finds its feed parsers by the class names in rome.properties and instantiates them reflectively.
 * ingest-service registers nothing for that in a native image because ROME's jar ships the
 * native-image configuration itself; this pins that it still names every such class and includes the
 * file, so that a ROME upgrade that drops it fails here rather than in a native executable.
 */
class RomeNativeConfigTest {

    private static InputStream resource(String name) {
        InputStream stream = RomeNativeConfigTest.class.getClassLoader().getResourceAsStream(name);
        assertNotNull(stream, name + " is not on the class path");
        return stream;
    }

    @Test
    void romesOwnNativeConfigurationRegistersEveryClassItLoadsByName() throws IOException {
        Properties romeProperties = new Properties();
        try (InputStream stream = resource("com/rometools/rome/rome.properties")) {
            romeProperties.load(stream);
        }
        Set<String> loadedByName = new TreeSet<>();
        for (String key : romeProperties.stringPropertyNames()) {
            if (key.endsWith(".classes")) {
                loadedByName.addAll(Set.of(romeProperties.getProperty(key).trim().split("\\s+")));
            }
        }
        assertTrue(loadedByName.size() > 20, "parsers, generators and modules: " + loadedByName);

        ObjectMapper json = new ObjectMapper();
        Set<String> registered = new HashSet<>();
        try (InputStream stream = resource("META-INF/native-image/romtools/reflect-config.json")) {
            for (JsonNode entry : json.readTree(stream)) {
                registered.add(entry.get("name").asText());
            }
        }
        Set<String> missing = new TreeSet<>(loadedByName);
        missing.removeAll(registered);
        assertEquals(Set.of(), missing, "classes ROME loads by name without native registration");

        try (InputStream stream = resource("META-INF/native-image/romtools/resource-config.json")) {
            assertTrue(json.readTree(stream).toString().contains("com/rometools/rome/rome.properties"),
                    "rome.properties must be included in the native image");
        }
    }
}
