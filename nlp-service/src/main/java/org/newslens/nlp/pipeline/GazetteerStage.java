package org.newslens.nlp.pipeline;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the knowledge base's names in the text: organisations, outlets and acronyms the statistical
 * recognizer misses ("AFP", "Sky News", "OpenAI") become mentions, and a recognized mention whose
 * exact text is a known name takes the known type ("Binance" is a company, not a person). Matching is
 * case-sensitive, on whole words, longest name first; a recognized mention that overlaps a known name
 * without being covered by it is kept as the recognizer found it.
 */
@Singleton
public class GazetteerStage implements AnalysisStage {

    private final KnowledgeBase knowledgeBase;
    private final Pattern names;

    @Inject
    public GazetteerStage(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
        String alternatives = knowledgeBase.entries().stream()
                .flatMap(e -> e.aliases().stream())
                .filter(alias -> alias.length() >= 2)
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        this.names = alternatives.isEmpty() ? null
                : Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
    }

    @Override
    public String name() {
        return "gazetteer";
    }

    @Override
    public boolean appliesTo(Document document) {
        // the aliases are English names
        return names != null && "en".equals(document.language());
    }

    @Override
    public void apply(Document document) {
        List<Mention> mentions = new ArrayList<>(document.mentions());
        Matcher matcher = names.matcher(document.text());
        while (matcher.find()) {
            EntityType known = knowledgeBase.byAlias(matcher.group()).get(0).type();
            Mention found = new Mention(matcher.group(), known, matcher.start(), matcher.end());
            List<Mention> overlapping = mentions.stream()
                    .filter(m -> m.start() < found.end() && found.start() < m.end()).toList();
            boolean covers = overlapping.stream().allMatch(m -> m.start() >= found.start() && m.end() <= found.end());
            if (overlapping.isEmpty()) {
                mentions.add(found);
            } else if (covers && overlapping.stream().allMatch(m -> KnowledgeBase.compatible(m.type(), known))) {
                mentions.removeAll(overlapping);
                mentions.add(found);
            }
        }
        mentions.sort(Comparator.comparingInt(Mention::start));
        document.setMentions(mentions);
    }
}
