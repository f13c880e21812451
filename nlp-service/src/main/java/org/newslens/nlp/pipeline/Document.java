package org.newslens.nlp.pipeline;

import java.util.ArrayList;
import java.util.List;

/** The text under analysis and everything the stages have found so far. */
public class Document {

    private final String text;
    private final String title;
    private final String languageHint;
    private final List<String> stagesRun = new ArrayList<>();
    private String language;
    private int sentences;
    private int tokens;
    private List<Mention> mentions = List.of();
    private List<Entity> entities = List.of();

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

    public int sentences() {
        return sentences;
    }

    public int tokens() {
        return tokens;
    }

    public void setCounts(int sentences, int tokens) {
        this.sentences = sentences;
        this.tokens = tokens;
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
}
