package org.newslens.nlp.pipeline;

import jakarta.inject.Singleton;

/** Tokens, sentences and raw entity mentions, for the languages the recognizer has models for. */
@Singleton
public class EntityRecognitionStage implements AnalysisStage {

    private final NamedEntityRecognizer recognizer;

    public EntityRecognitionStage(NamedEntityRecognizer recognizer) {
        this.recognizer = recognizer;
    }

    @Override
    public String name() {
        return "ner";
    }

    @Override
    public boolean appliesTo(Document document) {
        return recognizer.supports(document.language());
    }

    @Override
    public void apply(Document document) {
        NamedEntityRecognizer.Recognition recognition = recognizer.recognize(document.text());
        document.setSentences(recognition.sentences());
        document.setMentions(recognition.mentions());
    }
}
