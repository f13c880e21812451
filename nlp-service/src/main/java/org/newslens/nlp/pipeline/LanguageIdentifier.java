package org.newslens.nlp.pipeline;

import jakarta.inject.Singleton;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Identifies the language with OpenNLP's 103-language model. On short texts its confidence is low
 * even when its top-ranked guess is right, so the ranking decides; texts too short to judge at all
 * keep the sender's hint.
 */
@Singleton
public class LanguageIdentifier implements AnalysisStage {

    /** Fewer letters than this (title and text together) are not enough to identify a language. */
    static final int MIN_LETTERS = 12;
    private static final String MODEL = "langdetect-183.bin";

    private volatile LanguageDetectorModel model;

    @Override
    public String name() {
        return "language";
    }

    public void load() {
        try (InputStream in = LanguageIdentifier.class.getClassLoader().getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException(MODEL + " is not on the classpath (opennlp-models-langdetect)");
            }
            model = new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the language model " + MODEL, e);
        }
    }

    @Override
    public void apply(Document document) {
        String sample = document.title() == null ? document.text() : document.title() + "\n" + document.text();
        document.setLanguage(identify(sample, document.languageHint()));
    }

    String identify(String text, String hint) {
        if (text.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count() < MIN_LETTERS) {
            return LanguageCodes.toAlpha2(hint);
        }
        // a detector is a light view over the shared, immutable model; one per call keeps workers independent
        String best = new LanguageDetectorME(model).predictLanguages(text)[0].getLang();
        return LanguageCodes.toAlpha2(best);
    }
}
