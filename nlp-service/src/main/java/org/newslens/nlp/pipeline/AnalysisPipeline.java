package org.newslens.nlp.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;

/**
 * Runs the stages in order over one document, skipping those that do not apply to it. Each stage that
 * runs is timed ({@code newslens_enrichment_stage_seconds{stage}}) and is a span ("stage ner", …), a
 * child of the current one (an article's enrichment, an analyze request), for enrichment jobs and
 * /api/v1/analyze alike; a skipped stage is neither. Built at start (the models load later, in
 * {@code ModelLoader}), so every stage's timer is published before the first article.
 */
@Startup
@Singleton
public class AnalysisPipeline {

    /** Histogram buckets: most stages take a few milliseconds, entity recognition and embedding up to seconds. */
    private static final Duration[] STAGE_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final List<TimedStage> stages;
    private final Tracer tracer;

    private record TimedStage(AnalysisStage stage, Timer timer) {
    }

    @Inject
    AnalysisPipeline(LanguageIdentifier language, EntityRecognitionStage entities, GazetteerStage gazetteer,
                     EntityCanonicalizer canonicalizer, KeyphraseStage keyphrases, SummaryStage summary, ToneStage tone,
                     FramingStage framing, QuoteStage quotes, QuantityStage quantities, EmbeddingStage embedding,
                     MeterRegistry registry, Tracer tracer) {
        this(List.of(language, entities, gazetteer, canonicalizer, keyphrases, summary, tone, framing, quotes, quantities,
                embedding), registry, tracer);
    }

    public AnalysisPipeline(List<AnalysisStage> stages, MeterRegistry registry, Tracer tracer) {
        this.stages = stages.stream().map(stage -> new TimedStage(stage, Timer.builder("newslens.enrichment.stage")
                .description("Time one analysis stage took on one text (enrichment jobs and /api/v1/analyze)")
                .tag("stage", stage.name())
                .serviceLevelObjectives(STAGE_BUCKETS)
                .register(registry))).toList();
        this.tracer = tracer;
    }

    public Document analyze(String text, String title, String languageHint) {
        Document document = new Document(text, title, languageHint);
        for (TimedStage timed : stages) {
            AnalysisStage stage = timed.stage();
            if (stage.appliesTo(document)) {
                Span span = tracer.spanBuilder("stage " + stage.name()).startSpan();
                try {
                    timed.timer().record(() -> stage.apply(document));
                } finally {
                    span.end();
                }
                document.recordStage(stage.name());
            }
        }
        return document;
    }
}
