package org.newslens.nlp.pipeline;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Runs the stages in order over one document, skipping those that do not apply to it. Each stage that
 * runs is a span ("stage ner", …), a child of the current one (an article's enrichment, an analyze request).
 */
@Singleton
public class AnalysisPipeline {

    private final List<AnalysisStage> stages;
    private final Tracer tracer;

    @Inject
    AnalysisPipeline(LanguageIdentifier language, EntityRecognitionStage entities, GazetteerStage gazetteer,
                     EntityCanonicalizer canonicalizer, KeyphraseStage keyphrases, SummaryStage summary, ToneStage tone,
                     FramingStage framing, QuoteStage quotes, QuantityStage quantities, EmbeddingStage embedding,
                     Tracer tracer) {
        this(List.of(language, entities, gazetteer, canonicalizer, keyphrases, summary, tone, framing, quotes, quantities,
                embedding), tracer);
    }

    public AnalysisPipeline(List<AnalysisStage> stages, Tracer tracer) {
        this.stages = List.copyOf(stages);
        this.tracer = tracer;
    }

    public Document analyze(String text, String title, String languageHint) {
        Document document = new Document(text, title, languageHint);
        for (AnalysisStage stage : stages) {
            if (stage.appliesTo(document)) {
                Span span = tracer.spanBuilder("stage " + stage.name()).startSpan();
                try {
                    stage.apply(document);
                } finally {
                    span.end();
                }
                document.recordStage(stage.name());
            }
        }
        return document;
    }
}
