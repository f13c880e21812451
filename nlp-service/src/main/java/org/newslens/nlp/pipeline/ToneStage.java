package org.newslens.nlp.pipeline;

import jakarta.inject.Singleton;
import org.newslens.nlp.pipeline.Findings.Evidence;
import org.newslens.nlp.pipeline.Findings.SentenceTone;
import org.newslens.nlp.pipeline.Findings.Tone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lexicon tone in the manner of VADER, with the project's own news lexicon ({@code lexicon/tone.tsv}):
 * each sentence's valences, after negation, intensifiers and a contrastive "but", sum to a score that
 * is normalised into [-1, 1]; the document's tone is the mean over its sentences, and the tone toward
 * an entity the mean over the sentences that mention it. Words inside entity names ("National Disaster
 * Response Force") are names, not tone. Every score lists the words that moved it.
 */
@Singleton
public class ToneStage implements AnalysisStage {

    static final String LEXICON = "lexicon/tone.tsv";
    /** VADER's normalisation constant: score = sum / sqrt(sum² + ALPHA). */
    private static final double ALPHA = 15;
    private static final double NEGATION = -0.74;
    private static final double BOOST = 0.293;
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "n't", "without", "nor", "neither", "nobody", "none");
    private static final Set<String> BOOSTERS = Set.of(
            "very", "extremely", "highly", "deeply", "sharply", "hugely", "greatly", "severely", "massively",
            "most", "so", "too", "really", "particularly", "especially", "totally", "utterly", "bitterly");
    private static final Set<String> DAMPENERS = Set.of("slightly", "somewhat", "barely", "marginally", "partly", "fairly");

    private final Map<String, Double> valences;

    public ToneStage() {
        this(readLexicon());
    }

    ToneStage(Map<String, Double> valences) {
        this.valences = Map.copyOf(valences);
    }

    @Override
    public String name() {
        return "tone";
    }

    @Override
    public boolean appliesTo(Document document) {
        return "en".equals(document.language()) && !document.sentences().isEmpty();
    }

    @Override
    public void apply(Document document) {
        List<SentenceTone> sentenceTones = new ArrayList<>();
        double sum = 0;
        List<Evidence> all = new ArrayList<>();
        for (Sentence sentence : document.sentences()) {
            List<Evidence> evidence = evidence(sentence, document);
            Tone tone = Tone.of(normalise(evidence), evidence);
            sentenceTones.add(new SentenceTone(sentence.start(), sentence.end(), tone));
            sum += normalise(evidence);
            all.addAll(evidence);
        }
        Tone documentTone = Tone.of(sum / sentenceTones.size(), all);
        Map<Entity, Tone> entityTones = new LinkedHashMap<>();
        for (Entity entity : document.entities()) {
            List<SentenceTone> mentioning = sentenceTones.stream()
                    .filter(t -> entity.mentions().stream().anyMatch(m -> m.start() >= t.start() && m.start() < t.end()))
                    .toList();
            if (!mentioning.isEmpty()) {
                double mean = mentioning.stream().mapToDouble(t -> t.tone().score()).average().orElse(0);
                entityTones.put(entity, Tone.of(mean, mentioning.stream().flatMap(t -> t.tone().evidence().stream()).toList()));
            }
        }
        document.setTone(documentTone, sentenceTones, entityTones);
    }

    /** The valence each lexicon word of the sentence contributes, after its modifiers. */
    List<Evidence> evidence(Sentence sentence, Document document) {
        List<Token> tokens = sentence.tokens();
        int but = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).text().equalsIgnoreCase("but")) {
                but = i;
            }
        }
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Double valence = valenceOf(token);
            if (valence == null || insideName(token, document)) {
                continue;
            }
            double weight = valence;
            if (i > 0) {
                String previous = tokens.get(i - 1).text().toLowerCase(Locale.ROOT);
                if (BOOSTERS.contains(previous)) {
                    weight += Math.signum(weight) * BOOST;
                } else if (DAMPENERS.contains(previous)) {
                    weight -= Math.signum(weight) * BOOST;
                }
            }
            for (int j = Math.max(0, i - 3); j < i; j++) {
                if (NEGATORS.contains(tokens.get(j).text().toLowerCase(Locale.ROOT))) {
                    weight *= NEGATION;
                    break;
                }
            }
            if (but >= 0) {
                weight *= i < but ? 0.5 : 1.5;
            }
            evidence.add(new Evidence(token.text(), token.start(), token.end(), Math.round(weight * 1000) / 1000.0));
        }
        return evidence;
    }

    private Double valenceOf(Token token) {
        Double byLemma = token.lemma() == null ? null : valences.get(token.lemma().toLowerCase(Locale.ROOT));
        return byLemma != null ? byLemma : valences.get(token.text().toLowerCase(Locale.ROOT));
    }

    private static boolean insideName(Token token, Document document) {
        return document.entities().stream().flatMap(e -> e.mentions().stream())
                .anyMatch(m -> m.start() <= token.start() && token.end() <= m.end());
    }

    private static double normalise(List<Evidence> evidence) {
        double sum = evidence.stream().mapToDouble(Evidence::weight).sum();
        return sum / Math.sqrt(sum * sum + ALPHA);
    }

    private static Map<String, Double> readLexicon() {
        Map<String, Double> valences = new HashMap<>();
        for (String[] row : LexiconFile.rows(LEXICON)) {
            valences.put(row[0].toLowerCase(Locale.ROOT), Double.valueOf(row[1]));
        }
        return valences;
    }
}
