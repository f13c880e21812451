package org.newslens.nlp.pipeline;

import jakarta.inject.Singleton;
import org.newslens.nlp.pipeline.Findings.Keyphrase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Salient topics: the document's entities (under their canonical names, counted over all their
 * mentions); runs of adjectives and nouns that end in a noun ("soaring inflation", "OpenAI's board" read
 * as "OpenAI board"), except those that end in an entity's name ("Microsoft boss Satya Nadella"); and two
 * such runs joined by a preposition or "and" ("visit to Baghdad", "cost of gene therapies", "inflation
 * and poverty"). Scored by how often the phrase and its words occur, with a bonus for phrases of several
 * words, for words the title uses and for an early first mention, and a malus for single words. A phrase
 * whose words all belong to a better one, or that only adds words to a better phrase that is not an
 * entity, is left out. At most {@link #MAX} phrases, best first, the best scoring 1.
 */
@Singleton
public class KeyphraseStage implements AnalysisStage {

    static final int MAX = 10;
    private static final int MAX_WORDS = 4;
    private static final double SINGLE_WORD_WEIGHT = 0.7;

    /** Words that join two noun phrases into one topic: "visit to Baghdad", "cost of gene therapies", "inflation and poverty". */
    private static final Set<String> LINKS = Set.of("of", "to", "in", "on", "against", "for", "over", "and");

    @Override
    public String name() {
        return "keyphrases";
    }

    @Override
    public boolean appliesTo(Document document) {
        return !document.sentences().isEmpty();
    }

    @Override
    public void apply(Document document) {
        Map<String, Integer> frequencies = ContentWords.frequencies(document.tokens());
        Set<String> titleWords = document.title() == null ? Set.of()
                : Arrays.stream(document.title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).collect(Collectors.toSet());
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (Entity entity : document.entities()) {
            if (entity.type() != EntityType.MISC) {
                Candidate candidate = new Candidate(entity.canonical(), NameKey.of(entity.canonical()).tokens(),
                        entity.mentions().get(0).start(), true);
                candidate.entity = true;
                candidate.count = entity.mentions().size();
                candidates.put(String.join(" ", candidate.words), candidate);
            }
        }
        for (Sentence sentence : document.sentences()) {
            List<Token> tokens = sentence.tokens();
            List<List<Token>> runs = runs(tokens);
            for (List<Token> run : runs) {
                if (!restatesAnEntity(run, document)) {
                    count(candidates, run, document.text());
                }
            }
            for (int i = 0; i + 1 < runs.size(); i++) {
                List<Token> head = runs.get(i);
                List<Token> tail = runs.get(i + 1);
                int link = tokens.indexOf(head.get(head.size() - 1)) + 1;
                if (link + 1 < tokens.size() && tokens.get(link + 1).equals(tail.get(0))
                        && joins(tokens.get(link), head, tail) && head.size() + tail.size() <= MAX_WORDS + 1) {
                    List<Token> phrase = new ArrayList<>(head);
                    phrase.add(tokens.get(link));
                    phrase.addAll(tail);
                    count(candidates, phrase, document.text());
                }
            }
        }
        int length = Math.max(1, document.text().length());
        List<Candidate> ranked = new ArrayList<>();
        for (Candidate candidate : candidates.values()) {
            int words = candidate.words.size();
            if (words == 1 && candidate.count < 2 && !candidate.proper) {
                continue;
            }
            double wordWeight = candidate.words.stream().mapToInt(w -> frequencies.getOrDefault(w, 1)).sum() / (double) words;
            double score = candidate.count * (1 + 0.5 * (words - 1)) + wordWeight;
            if (words == 1) {
                // a lone word names a topic less often than it names a participant
                score *= SINGLE_WORD_WEIGHT;
            }
            if (candidate.words.stream().anyMatch(w -> titleWords.contains(w) || titleWords.contains(w + "s"))) {
                score *= 1.5;
            }
            if (candidate.start < length / 5) {
                score *= 1.2;
            }
            candidate.score = score;
            ranked.add(candidate);
        }
        ranked.sort(Comparator.comparingDouble((Candidate c) -> c.score).reversed());
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate candidate : ranked) {
            if (chosen.size() == MAX) {
                break;
            }
            // nor one that only adds words to a better phrase ("changes to OpenAI board" after "OpenAI board")
            if (chosen.stream().noneMatch(c -> c.words.containsAll(candidate.words)
                    || (!c.entity && candidate.words.containsAll(c.words)))) {
                chosen.add(candidate);
            }
        }
        double best = chosen.isEmpty() ? 1 : chosen.get(0).score;
        document.setKeyphrases(chosen.stream()
                .map(c -> new Keyphrase(c.text, Math.round(c.score / best * 1000) / 1000.0)).toList());
    }

    /**
     * Maximal runs of content words that end in a noun, at most {@link #MAX_WORDS} long; a null token breaks a run.
     * A possessive continues a run ("OpenAI's board" reads as the topic "OpenAI board") and is dropped from it.
     */
    static List<List<Token>> runs(List<Token> tokens) {
        List<List<Token>> runs = new ArrayList<>();
        List<Token> run = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean possessive = token != null && token.pos().equals("POS") && !run.isEmpty()
                    && run.get(run.size() - 1).isNoun() && i + 1 < tokens.size() && tokens.get(i + 1) != null
                    && ContentWords.isContent(tokens.get(i + 1));
            if (possessive) {
                continue;
            }
            boolean joins = token != null && (ContentWords.isContent(token) || (!run.isEmpty() && token.text().equals("-"))
                    || (run.isEmpty() && isModifyingParticiple(token, i + 1 < tokens.size() ? tokens.get(i + 1) : null)));
            if (joins) {
                run.add(token);
            } else {
                addRun(run, runs);
                run = new ArrayList<>();
            }
        }
        addRun(run, runs);
        return runs;
    }

    /** "soaring inflation", "trapped workers": a participle that opens a run before a common noun or adjective. */
    private static boolean isModifyingParticiple(Token token, Token next) {
        return (token.pos().equals("VBG") || token.pos().equals("VBN")) && next != null && ContentWords.isContent(next)
                && !next.isProperNoun();
    }

    private static boolean joins(Token link, List<Token> head, List<Token> tail) {
        String word = link.text().toLowerCase(Locale.ROOT);
        if (!LINKS.contains(word) || head.get(head.size() - 1).isProperNoun()) {
            return false;
        }
        // "Israel and Hamas" is two entities, not a topic
        return !word.equals("and") || !tail.get(tail.size() - 1).isProperNoun();
    }

    /**
     * Entities are candidates already, under their canonical names: a run that ends in an entity's name
     * ("U.S.", "Microsoft boss Satya Nadella", "cryptocurrency exchange Binance") names that entity again.
     */
    private static boolean restatesAnEntity(List<Token> run, Document document) {
        return document.entityAt(run.get(run.size() - 1).start()).isPresent();
    }

    /** Counts a phrase under its lemma key, spelled as the text first has it (possessives left out). */
    private static void count(Map<String, Candidate> candidates, List<Token> phrase, String text) {
        List<Token> content = phrase.stream().filter(ContentWords::isContent).toList();
        if (content.isEmpty()) {
            return;
        }
        String key = phrase.stream().map(ContentWords::key).collect(Collectors.joining(" "));
        candidates.computeIfAbsent(key, k -> new Candidate(spell(phrase, text), content.stream().map(ContentWords::key).toList(),
                phrase.get(0).start(), phrase.get(0).isProperNoun())).count++;
    }

    private static String spell(List<Token> phrase, String text) {
        StringBuilder spelled = new StringBuilder(phrase.get(0).text());
        for (int i = 1; i < phrase.size(); i++) {
            Token previous = phrase.get(i - 1);
            Token token = phrase.get(i);
            String gap = text.substring(previous.end(), token.start());
            // a dropped possessive leaves a gap that is not blank
            spelled.append(gap.isBlank() ? gap : " ").append(token.text());
        }
        return spelled.toString();
    }

    private static void addRun(List<Token> run, List<List<Token>> runs) {
        int end = run.size();
        while (end > 0 && !run.get(end - 1).isNoun()) {
            end--;
        }
        if (end > 0) {
            runs.add(List.copyOf(run.subList(Math.max(0, end - MAX_WORDS), end)));
        }
    }

    private static final class Candidate {
        final String text;
        final List<String> words;
        final int start;
        final boolean proper;
        boolean entity;
        int count;
        double score;

        Candidate(String text, List<String> words, int start, boolean proper) {
            this.text = text;
            this.words = words;
            this.start = start;
            this.proper = proper;
        }
    }
}
