package org.newslens.nlp.pipeline;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.List;

/** Runs the stages in order over one document, skipping those that do not apply to it. */
@Singleton
public class AnalysisPipeline {

    private final List<AnalysisStage> stages;

    @Inject
    AnalysisPipeline(LanguageIdentifier language, EntityRecognitionStage entities, GazetteerStage gazetteer,
                     EntityCanonicalizer canonicalizer, KeyphraseStage keyphrases, SummaryStage summary, ToneStage tone,
                     FramingStage framing, QuoteStage quotes, QuantityStage quantities, EmbeddingStage embedding) {
        this(List.of(language, entities, gazetteer, canonicalizer, keyphrases, summary, tone, framing, quotes, quantities,
                embedding));
    }

    public AnalysisPipeline(List<AnalysisStage> stages) {
        this.stages = List.copyOf(stages);
    }

    public Document analyze(String text, String title, String languageHint) {
        Document document = new Document(text, title, languageHint);
        for (AnalysisStage stage : stages) {
            if (stage.appliesTo(document)) {
                stage.apply(document);
                document.recordStage(stage.name());
            }
        }
        return document;
    }
}
