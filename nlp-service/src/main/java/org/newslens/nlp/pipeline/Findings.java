package org.newslens.nlp.pipeline;

import java.util.List;

/** The value types that the analysis stages after entity recognition put on a {@link Document}. */
public final class Findings {

    private Findings() {
    }

    /** A salient topic of the document; scores are relative, the best is 1. */
    public record Keyphrase(String text, double score) {
    }

    /** A word or phrase that moved a score, with its span and the valence it contributed. */
    public record Evidence(String text, int start, int end, double weight) {
    }

    /** A tone in [-1, 1], its label (negative | neutral | positive) and the words behind it. */
    public record Tone(double score, String label, List<Evidence> evidence) {

        public static final double NEUTRAL_BAND = 0.05;

        public Tone {
            evidence = List.copyOf(evidence);
        }

        public static Tone of(double score, List<Evidence> evidence) {
            String label = score <= -NEUTRAL_BAND ? "negative" : score >= NEUTRAL_BAND ? "positive" : "neutral";
            return new Tone(Math.round(score * 1000) / 1000.0, label, evidence);
        }
    }

    public record SentenceTone(int start, int end, Tone tone) {
    }

    /** A framing marker: its span, its category (see lexicon/framing.tsv) and the entity it targets, or null. */
    public record FramingMarker(String text, int start, int end, String category, String target) {
    }

    /** Quoted or reported speech and its speaker's canonical name (null when no speaker was found). */
    public record Quote(String text, int start, int end, String speaker) {
    }

    /** A text's embedding: an L2-normalised vector of {@code model}, the mean of its {@code chunks} chunk vectors. */
    public record TextEmbedding(String model, float[] vector, int chunks) {

        public int dimensions() {
            return vector.length;
        }
    }

    /** A number with what it counts: "10,000 Palestinian casualties" → 10000, noun "casualties". */
    public record Quantity(String text, double value, String unit, String noun, int start, int end) {
    }
}
