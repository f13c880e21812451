package org.newslens.nlp.pipeline;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.newslens.nlp.pipeline.Findings.FramingMarker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Framing markers: loaded labels, emotive adjectives and dehumanising words from the project's own
 * lexicon ({@code lexicon/framing.tsv}, categories documented there), plus two rules: scare quotes (one
 * to three words in quotation marks) and agentless casualty phrasing (a passive "were killed" with no
 * "by" after it in the sentence). A marker's target is the entity it labels where one is named right
 * beside it, by name ("Assad regime") or by adjective ("Zionist regime" → Israel, through the
 * knowledge base's demonyms).
 */
@Singleton
public class FramingStage implements AnalysisStage {

    static final String LEXICON = "lexicon/framing.tsv";
    static final String SCARE_QUOTES = "scare-quotes";
    static final String AGENTLESS_CASUALTY = "agentless-casualty";

    private static final Pattern QUOTED = Pattern.compile(
            "(?<=^|[\\s(\\[])(?:“([^”\\n]{1,40})”|\"([^\"\\n]{1,40})\"|‘([^’\\n]{1,40})’|'([^'\\n]{1,40})')(?=[\\s,.;:!?)\\]]|$)");
    private static final Pattern PASSIVE_CASUALTY = Pattern.compile(
            "(?i)\\b(?:was|were|have been|has been|had been|are|is|being|got)\\s+(?:\\w+ly\\s+)?"
                    + "(?:killed|injured|wounded|shot|slain|massacred|murdered|hurt|maimed|executed)\\b");
    private static final Pattern AGENT = Pattern.compile("^\\s*(?:\\S+\\s+){0,8}?by\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD_BEFORE = Pattern.compile("([\\p{L}-]+)\\s+$");

    private final KnowledgeBase knowledgeBase;
    private final Map<String, String> categories;
    private final Pattern lexicon;

    @Inject
    public FramingStage(KnowledgeBase knowledgeBase) {
        this(knowledgeBase, readLexicon());
    }

    FramingStage(KnowledgeBase knowledgeBase, Map<String, String> categories) {
        this.knowledgeBase = knowledgeBase;
        this.categories = Map.copyOf(categories);
        this.lexicon = Pattern.compile("(?<![\\p{L}\\p{N}-])(?:" + categories.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|")) + ")(?![\\p{L}\\p{N}-])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public String name() {
        return "framing";
    }

    @Override
    public boolean appliesTo(Document document) {
        return "en".equals(document.language()) && !document.sentences().isEmpty();
    }

    @Override
    public void apply(Document document) {
        String text = document.text();
        List<FramingMarker> markers = new ArrayList<>();
        Matcher words = lexicon.matcher(text);
        while (words.find()) {
            String category = categories.get(words.group().toLowerCase(Locale.ROOT));
            markers.add(new FramingMarker(words.group(), words.start(), words.end(), category,
                    target(document, words.start(), words.end()).orElse(null)));
        }
        Matcher quoted = QUOTED.matcher(text);
        while (quoted.find()) {
            String inner = firstNonNull(quoted);
            int wordCount = inner.strip().split("\\s+").length;
            if (wordCount <= 3 && !inner.isBlank() && Character.isLetter(inner.strip().charAt(0))) {
                markers.add(new FramingMarker(quoted.group(), quoted.start(), quoted.end(), SCARE_QUOTES,
                        target(document, quoted.start(), quoted.end()).orElse(null)));
            }
        }
        Matcher passive = PASSIVE_CASUALTY.matcher(text);
        while (passive.find()) {
            int sentenceEnd = document.sentences().stream().filter(s -> s.contains(passive.start()))
                    .mapToInt(Sentence::end).findFirst().orElse(text.length());
            if (!AGENT.matcher(text.substring(passive.end(), Math.max(passive.end(), sentenceEnd))).find()) {
                markers.add(new FramingMarker(passive.group(), passive.start(), passive.end(), AGENTLESS_CASUALTY, null));
            }
        }
        markers.sort(Comparator.comparingInt(FramingMarker::start));
        document.setFraming(markers);
    }

    /**
     * The entity a marker labels: one named in or right before it (by name or demonym, "Israeli heinous
     * crimes"), else one named right after it ("the regime of Bashar al-Assad" is not looked for).
     */
    private Optional<String> target(Document document, int start, int end) {
        String text = document.text();
        for (String word : text.substring(start, end).split("[\\s\"“”‘’']+")) {
            Optional<String> known = knowledgeBase.byDemonym(word).map(KnowledgeBase.Entry::name);
            if (known.isPresent()) {
                return known;
            }
        }
        Optional<Entity> inside = document.entityAt(start);
        if (inside.isPresent()) {
            return inside.map(Entity::canonical);
        }
        String before = text.substring(Math.max(0, start - 40), start);
        Matcher previous = WORD_BEFORE.matcher(before);
        if (previous.find()) {
            int wordStart = start - (before.length() - previous.start(1));
            Optional<Entity> named = document.entityAt(wordStart);
            if (named.isPresent()) {
                return named.map(Entity::canonical);
            }
            Optional<String> byAdjective = knowledgeBase.byDemonym(previous.group(1).replaceAll("['’]s$", ""))
                    .map(KnowledgeBase.Entry::name);
            if (byAdjective.isPresent()) {
                return byAdjective;
            }
        }
        int after = end;
        while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
            after++;
        }
        return after < text.length() ? document.entityAt(after).map(Entity::canonical) : Optional.empty();
    }

    private static String firstNonNull(Matcher matcher) {
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return "";
    }

    private static Map<String, String> readLexicon() {
        Map<String, String> categories = new HashMap<>();
        for (String[] row : LexiconFile.rows(LEXICON)) {
            categories.put(row[0].toLowerCase(Locale.ROOT), row[1]);
        }
        return categories;
    }
}
