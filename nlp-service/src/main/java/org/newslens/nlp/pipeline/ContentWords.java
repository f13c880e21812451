package org.newslens.nlp.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which tokens carry content, and how often each content lemma occurs in a document. */
final class ContentWords {

    /** Nouns that occur in almost every news story and say nothing about its topic. */
    private static final Set<String> GENERIC = Set.of(
            "year", "day", "week", "month", "time", "people", "percent", "%", "mr", "mrs", "ms", "dr", "thing",
            "way", "number", "part", "statement", "report", "news", "today", "yesterday", "tomorrow", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lot", "kind", "one", "other",
            "official", "source", "fact", "case", "point", "end", "term", "level", "side", "hour", "minute");

    private ContentWords() {
    }

    static boolean isContent(Token token) {
        return (token.isNoun() || token.isAdjective()) && !GENERIC.contains(key(token))
                && token.text().chars().anyMatch(Character::isLetter);
    }

    static String key(Token token) {
        String lemma = token.lemma() == null ? token.text() : token.lemma();
        return lemma.toLowerCase(Locale.ROOT);
    }

    static Map<String, Integer> frequencies(List<Token> tokens) {
        Map<String, Integer> counts = new HashMap<>();
        for (Token token : tokens) {
            if (isContent(token)) {
                counts.merge(key(token), 1, Integer::sum);
            }
        }
        return counts;
    }
}
