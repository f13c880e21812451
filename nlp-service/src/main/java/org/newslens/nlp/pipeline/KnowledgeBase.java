package org.newslens.nlp.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project's small knowledge base of well-known entities (countries, capitals, major organisations,
 * news outlets, heads of state and government), read from {@code kb/entities.tsv}; that file's header
 * documents its sources and columns. Immutable once loaded, so safe to share between threads.
 */
public final class KnowledgeBase {

    public static final String RESOURCE = "kb/entities.tsv";

    /** One entity of the knowledge base; {@code id} is its Wikidata id or null, coordinates may be null. */
    public record Entry(String id, EntityType type, String kind, String name, List<String> aliases,
                        List<String> demonyms, Double latitude, Double longitude) {
    }

    private final List<Entry> entries;
    private final Map<String, List<Entry>> byAlias = new HashMap<>();
    private final Map<NameKey, List<Entry>> byKey = new HashMap<>();
    private final Map<String, Entry> byDemonym = new HashMap<>();

    private KnowledgeBase(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry entry : entries) {
            for (String alias : entry.aliases()) {
                byAlias.computeIfAbsent(alias, a -> new ArrayList<>()).add(entry);
                byKey.computeIfAbsent(NameKey.of(alias), k -> new ArrayList<>()).add(entry);
            }
            for (String demonym : entry.demonyms()) {
                byDemonym.putIfAbsent(demonym, entry);
            }
        }
    }

    /** The knowledge base shipped with the service. */
    public static KnowledgeBase load() {
        try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the knowledge base " + RESOURCE, e);
        }
    }

    public static KnowledgeBase empty() {
        return new KnowledgeBase(List.of());
    }

    /** Parses the TSV format of {@link #RESOURCE}: '#' comments, a header row, then one entity per row. */
    public static KnowledgeBase parse(String tsv) {
        List<Entry> entries = new ArrayList<>();
        boolean header = true;
        int lineNumber = 0;
        try (BufferedReader lines = new BufferedReader(new java.io.StringReader(tsv))) {
            String line;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length < 5) {
                    throw new IllegalArgumentException(RESOURCE + " line " + lineNumber + ": expected 8 tab-separated columns");
                }
                String name = cells[3].strip();
                List<String> aliases = new ArrayList<>(list(cells[4]));
                if (!aliases.contains(name)) {
                    aliases.add(0, name);
                }
                entries.add(new Entry(blankToNull(cells[0]), EntityType.valueOf(cells[1].strip()), cells[2].strip(),
                        name, List.copyOf(aliases), cells.length > 5 ? list(cells[5]) : List.of(),
                        cells.length > 6 ? number(cells[6]) : null, cells.length > 7 ? number(cells[7]) : null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KnowledgeBase(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Entries one of whose aliases is exactly this surface (case-sensitive). */
    public List<Entry> byAlias(String surface) {
        return byAlias.getOrDefault(surface, List.of());
    }

    /** The one entry of a compatible type whose alias spells this name (case, dots and hyphens aside). */
    public Optional<Entry> resolve(String name, EntityType type) {
        List<Entry> exact = compatible(byAlias(name), type);
        if (exact.size() == 1) {
            return Optional.of(exact.get(0));
        }
        List<Entry> loose = compatible(byKey.getOrDefault(NameKey.of(name), List.of()), type);
        return loose.size() == 1 ? Optional.of(loose.get(0)) : Optional.empty();
    }

    /** The entity an adjective points at ("Israeli" → Israel), if the knowledge base lists it. */
    public Optional<Entry> byDemonym(String adjective) {
        return Optional.ofNullable(byDemonym.get(adjective));
    }

    /**
     * Whether a mention the recognizer typed {@code recognized} may be the knowledge-base entity of type
     * {@code known}. Organisations and places are often confused with each other and companies with
     * people; a person's name that is also a place ("Jordan") stays a person.
     */
    static boolean compatible(EntityType recognized, EntityType known) {
        return recognized == known
                || (recognized != EntityType.PERSON && known != EntityType.PERSON)
                || (recognized == EntityType.PERSON && known == EntityType.ORGANIZATION);
    }

    private static List<Entry> compatible(List<Entry> candidates, EntityType type) {
        Map<String, Entry> distinct = new LinkedHashMap<>();
        for (Entry entry : candidates) {
            if (compatible(type, entry.type())) {
                distinct.putIfAbsent(entry.name(), entry);
            }
        }
        return List.copyOf(distinct.values());
    }

    private static String blankToNull(String cell) {
        return cell.isBlank() ? null : cell.strip();
    }

    private static List<String> list(String cell) {
        return cell.isBlank() ? List.of() : Arrays.stream(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Double number(String cell) {
        return cell.isBlank() ? null : Double.valueOf(cell.strip());
    }
}
