package org.newslens.nlp.pipeline;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Merges a document's mentions of one entity into one entity. Names are compared as {@link NameKey}s,
 * so spelling variants of one name meet; a shorter person name whose words all occur, in order, in
 * exactly one longer person name of the document is that person ("Blinken" → "Antony Blinken"), and so
 * is an organisation or miscellaneous mention that only repeats such a person's name (a surname the
 * recognizer mistyped). An abbreviation or a place name without its feature word ("Strip", "City")
 * joins the one longer name it stands for. The canonical name is the fullest form the document uses.
 */
@Singleton
public class EntityCanonicalizer implements AnalysisStage {

    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,6}");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s\\-‐‑–]+");
    private static final Set<String> GEOGRAPHIC_FEATURES = Set.of(
            "strip", "city", "district", "province", "region", "county", "state", "island", "islands", "valley",
            "peninsula", "governorate", "oblast", "prefecture", "territory", "territories", "municipality");

    private final KnowledgeBase knowledgeBase;

    @Inject
    public EntityCanonicalizer(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    /** Without a knowledge base: the document's own names only. */
    public EntityCanonicalizer() {
        this(KnowledgeBase.empty());
    }

    @Override
    public String name() {
        return "canonicalize";
    }

    @Override
    public void apply(Document document) {
        List<Group> groups = groupBySpelling(document.text(), SplitNameJoiner.join(document.text(), document.mentions()));
        List<Group> persons = groups.stream().filter(g -> g.type == EntityType.PERSON).toList();
        // longest names first, so that every shorter name meets the longer ones already merged
        List<Group> longestFirst = groups.stream()
                .filter(g -> g.type != EntityType.LOCATION)
                .sorted(Comparator.comparingInt((Group g) -> g.key.size()).reversed()).toList();
        for (Group group : longestFirst) {
            personContaining(group, persons).ifPresent(person -> person.absorb(group));
        }
        for (Group group : groups) {
            if (group.type != EntityType.PERSON && group.mergedInto == null) {
                longFormOf(group, groups).ifPresent(longForm -> longForm.absorb(group));
            }
        }
        resolveKnown(groups);
        document.setEntities(groups.stream().filter(g -> g.mergedInto == null)
                .map(Group::toEntity)
                .sorted(Comparator.comparingInt((Entity e) -> e.mentions().get(0).start()))
                .toList());
    }

    /** Gives each entity the knowledge base knows its known name, type and id, and merges those that meet. */
    private void resolveKnown(List<Group> groups) {
        Map<String, Group> byKnownName = new LinkedHashMap<>();
        for (Group group : groups) {
            if (group.mergedInto != null) {
                continue;
            }
            Optional<KnowledgeBase.Entry> known = knowledgeBase.resolve(group.fullestMention().text(), group.type);
            if (known.isEmpty()) {
                continue;
            }
            group.known = known.get();
            group.type = known.get().type();
            Group first = byKnownName.putIfAbsent(known.get().name(), group);
            if (first != null) {
                first.absorb(group);
            }
        }
    }

    private static List<Group> groupBySpelling(String text, List<Mention> mentions) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Mention raw : mentions) {
            Optional<Mention> cleaned = MentionCleaner.clean(raw, text);
            if (cleaned.isEmpty()) {
                continue;
            }
            Mention mention = cleaned.get();
            NameKey key = NameKey.of(mention.text());
            if (key.size() > 0) {
                groups.computeIfAbsent(mention.type() + " " + key.tokens(), k -> new Group(mention.type(), key))
                        .mentions.add(mention);
            }
        }
        return new ArrayList<>(groups.values());
    }

    /**
     * The one person (after earlier merges) whose longer name contains this group's name; empty when
     * none does, or when several different persons do (an ambiguous surname stays on its own).
     */
    private static Optional<Group> personContaining(Group group, List<Group> persons) {
        Set<Group> owners = new HashSet<>();
        for (Group person : persons) {
            boolean contains = group.key.isPartOf(person.key)
                    && (group.type == EntityType.PERSON || group.key.last().equals(person.key.last()));
            if (person != group && contains) {
                owners.add(person.root());
            }
        }
        return owners.size() == 1 ? owners.stream().findFirst() : Optional.empty();
    }

    /**
     * The one longer name of an organisation or place in the document that this group abbreviates
     * ("APEC" → "Asia-Pacific Economic Cooperation", "U.S." → "United States") or shortens by a
     * generic feature word ("Gaza" → "Gaza Strip").
     */
    private static Optional<Group> longFormOf(Group group, List<Group> groups) {
        String acronym = acronym(group.mentions.get(0).text());
        Set<Group> owners = new HashSet<>();
        for (Group other : groups) {
            if (other == group || other.type == EntityType.PERSON || other.key.size() < 2) {
                continue;
            }
            boolean abbreviates = acronym != null && acronym.equals(initials(other.mentions.get(0).text()));
            boolean shortens = group.type == EntityType.LOCATION && other.type == EntityType.LOCATION
                    && other.key.size() > group.key.size()
                    && other.key.tokens().subList(0, group.key.size()).equals(group.key.tokens())
                    && GEOGRAPHIC_FEATURES.containsAll(other.key.tokens().subList(group.key.size(), other.key.size()));
            if (abbreviates || shortens) {
                owners.add(other.root());
            }
        }
        return owners.size() == 1 ? owners.stream().findFirst() : Optional.empty();
    }

    /** The letters of an all-capitals abbreviation ("U.S." → "US"), or null for any other name. */
    private static String acronym(String surface) {
        String letters = surface.replace(".", "");
        return ACRONYM.matcher(letters).matches() ? letters : null;
    }

    /** First letters of the capitalised words ("Medicines and Healthcare products Regulatory Agency" → "MHRA"). */
    private static String initials(String surface) {
        StringBuilder initials = new StringBuilder();
        for (String word : WORD_SEPARATORS.split(surface)) {
            if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
                initials.append(word.charAt(0));
            }
        }
        return initials.toString();
    }

    private static final class Group {
        EntityType type;
        final NameKey key;
        final List<Mention> mentions = new ArrayList<>();
        Group mergedInto;
        KnowledgeBase.Entry known;

        Group(EntityType type, NameKey key) {
            this.type = type;
            this.key = key;
        }

        Group root() {
            return mergedInto == null ? this : mergedInto.root();
        }

        void absorb(Group other) {
            Group root = root();
            if (other.root() != root) {
                root.mentions.addAll(other.root().mentions);
                other.root().mergedInto = root;
            }
        }

        /** The longest form, the earliest of equally long ones. */
        Mention fullestMention() {
            return mentions.stream()
                    .max(Comparator.comparingInt((Mention m) -> NameKey.of(m.text()).size())
                            .thenComparingInt(m -> m.text().length())
                            .thenComparing(Comparator.comparingInt(Mention::start).reversed()))
                    .orElseThrow();
        }

        Entity toEntity() {
            List<Mention> ordered = mentions.stream().sorted(Comparator.comparingInt(Mention::start))
                    .map(m -> new Mention(m.text(), type, m.start(), m.end())).toList();
            String canonical = known != null ? known.name() : fullestMention().text();
            Set<String> aliases = new TreeSet<>();
            ordered.forEach(m -> aliases.add(m.text()));
            return new Entity(canonical, type, List.copyOf(aliases), ordered, known == null ? null : known.id());
        }
    }
}
