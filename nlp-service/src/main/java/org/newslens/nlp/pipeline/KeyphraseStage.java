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
 * mentions) and runs of adjectives and nouns that end in a noun ("soaring inflation"), scored by how often the phrase and its words occur, with a bonus for phrases
 * of several words, for words the title uses and for an early first mention. A phrase whose words all
 * belong to a better one is left out. At most {@link #MAX} phrases, best first, the best scoring 1.
 */
@Singleton
public class KeyphraseStage implements AnalysisStage {

    static final int MAX = 10;
    private static final int MAX_WORDS = 4;

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
                candidate.count = entity.mentions().size();
                candidates.put(String.join(" ", candidate.words), candidate);
            }
        }
        for (Sentence sentence : document.sentences()) {
            for (List<Token> run : runs(sentence.tokens())) {
                String key = run.stream().map(ContentWords::key).collect(Collectors.joining(" "));
                candidates.computeIfAbsent(key, k -> new Candidate(document.text().substring(run.get(0).start(),
                        run.get(run.size() - 1).end()), run.stream().map(ContentWords::key).toList(), run.get(0).start(),
                        run.get(0).isProperNoun())).count++;
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
            if (chosen.stream().noneMatch(c -> c.words.containsAll(candidate.words))) {
                chosen.add(candidate);
            }
        }
        double best = chosen.isEmpty() ? 1 : chosen.get(0).score;
        document.setKeyphrases(chosen.stream()
                .map(c -> new Keyphrase(c.text, Math.round(c.score / best * 1000) / 1000.0)).toList());
    }

    /** Maximal runs of content words that end in a noun, at most {@link #MAX_WORDS} long; a null token breaks a run. */
    static List<List<Token>> runs(List<Token> tokens) {
        List<List<Token>> runs = new ArrayList<>();
        List<Token> run = new ArrayList<>();
        for (Token token : tokens) {
            boolean joins = token != null && (ContentWords.isContent(token) || (!run.isEmpty() && token.text().equals("-")));
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
