package org.newslens.nlp.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.newslens.nlp.pipeline.AnalysisPipeline;
import org.newslens.nlp.pipeline.Document;

/** Analyses one text on request, storing nothing. */
@ApplicationScoped
public class TextAnalyzer {

    private final AnalysisPipeline pipeline;
    private final TextSizeLimit sizeLimit;
    private final ModelLoader models;

    TextAnalyzer(AnalysisPipeline pipeline, TextSizeLimit sizeLimit, ModelLoader models) {
        this.pipeline = pipeline;
        this.sizeLimit = sizeLimit;
        this.models = models;
    }

    public Document analyze(String text, String title, String languageHint) {
        if (text == null || text.isBlank()) {
            throw InvalidInputException.invalid("text", "text is missing or blank. Send the text to analyse, e.g. {\"text\": \"Antony Blinken met …\"}.");
        }
        sizeLimit.check("text", text);
        TextCharacters.check("text", text);
        TextCharacters.check("title", title);
        TextCharacters.check("language", languageHint);
        if (!models.isReady()) {
            throw new ModelsNotReadyException();
        }
        return pipeline.analyze(text, title, languageHint);
    }
}
