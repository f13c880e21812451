package org.newslens.nlp.pipeline;

import org.newslens.nlp.pipeline.Findings.FramingMarker;
import org.newslens.nlp.pipeline.Findings.Keyphrase;
import org.newslens.nlp.pipeline.Findings.Quantity;
import org.newslens.nlp.pipeline.Findings.Quote;
import org.newslens.nlp.pipeline.Findings.SentenceTone;
import org.newslens.nlp.pipeline.Findings.TextEmbedding;
import org.newslens.nlp.pipeline.Findings.Tone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The text under analysis and everything the stages have found so far. */
public class Document {

    private final String text;
    private final String title;
    private final String languageHint;
    private final List<String> stagesRun = new ArrayList<>();
    private String language;
    private List<Sentence> sentences = List.of();
    private List<Mention> mentions = List.of();
    private List<Entity> entities = List.of();
    private List<Keyphrase> keyphrases = List.of();
    private List<String> summary = List.of();
    private Tone tone;
    private List<SentenceTone> sentenceTones = List.of();
    private Map<Entity, Tone> entityTones = Map.of();
    private List<FramingMarker> framing = List.of();
    private List<Quote> quotes = List.of();
    private List<Quantity> quantities = List.of();
    private TextEmbedding embedding;

    public Document(String text, String title, String languageHint) {
        this.text = text;
        this.title = title;
        this.languageHint = languageHint;
    }

    public String text() {
        return text;
    }

    /** May be null. */
    public String title() {
        return title;
    }

    /** The language the sender declared, as given; may be null. */
    public String languageHint() {
        return languageHint;
    }

    /** ISO 639-1 code where one exists, else ISO 639-3; "und" when undetermined; null before language id. */
    public String language() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    /** Sentences with their tokens; empty where no stage could split the text. */
    public List<Sentence> sentences() {
        return sentences;
    }

    public void setSentences(List<Sentence> sentences) {
        this.sentences = List.copyOf(sentences);
    }

    public int tokenCount() {
        return sentences.stream().mapToInt(s -> s.tokens().size()).sum();
    }

    /** All tokens of the document in text order. */
    public List<Token> tokens() {
        return sentences.stream().flatMap(s -> s.tokens().stream()).toList();
    }

    /** Raw entity mentions as the recognizer found them, in text order. */
    public List<Mention> mentions() {
        return mentions;
    }

    public void setMentions(List<Mention> mentions) {
        this.mentions = List.copyOf(mentions);
    }

    /** Entities with their merged mentions, in order of first mention. */
    public List<Entity> entities() {
        return entities;
    }

    public void setEntities(List<Entity> entities) {
        this.entities = List.copyOf(entities);
    }

    /** Names of the stages that ran on this document, in order. */
    public List<String> stagesRun() {
        return List.copyOf(stagesRun);
    }

    void recordStage(String name) {
        stagesRun.add(name);
    }

    public List<Keyphrase> keyphrases() {
        return keyphrases;
    }

    public void setKeyphrases(List<Keyphrase> keyphrases) {
        this.keyphrases = List.copyOf(keyphrases);
    }

    /** The sentences of an extractive summary, in text order. */
    public List<String> summary() {
        return summary;
    }

    public void setSummary(List<String> summary) {
        this.summary = List.copyOf(summary);
    }

    /** Document tone; null where the tone stage did not run. */
    public Tone tone() {
        return tone;
    }

    public List<SentenceTone> sentenceTones() {
        return sentenceTones;
    }

    /** Tone toward each entity, from the sentences that mention it. */
    public Map<Entity, Tone> entityTones() {
        return entityTones;
    }

    public void setTone(Tone tone, List<SentenceTone> sentenceTones, Map<Entity, Tone> entityTones) {
        this.tone = tone;
        this.sentenceTones = List.copyOf(sentenceTones);
        this.entityTones = new LinkedHashMap<>(entityTones);
    }

    public List<FramingMarker> framing() {
        return framing;
    }

    public void setFraming(List<FramingMarker> framing) {
        this.framing = List.copyOf(framing);
    }

    public List<Quote> quotes() {
        return quotes;
    }

    public void setQuotes(List<Quote> quotes) {
        this.quotes = List.copyOf(quotes);
    }

    public List<Quantity> quantities() {
        return quantities;
    }

    public void setQuantities(List<Quantity> quantities) {
        this.quantities = List.copyOf(quantities);
    }

    /** Embedding of title and text; null where the embedding stage did not run or found nothing to embed. */
    public TextEmbedding embedding() {
        return embedding;
    }

    public void setEmbedding(TextEmbedding embedding) {
        this.embedding = embedding;
    }

    /** The entity one of whose mentions covers this offset, if any. */
    public java.util.Optional<Entity> entityAt(int offset) {
        return entities.stream()
                .filter(e -> e.mentions().stream().anyMatch(m -> m.start() <= offset && offset < m.end()))
                .findFirst();
    }
}
