package org.newslens.query.index;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.ArrayList;
import java.util.List;

/**
 * One "index article" span per article of a batch whose enrichment recorded a trace context: the span
 * continues that trace (the article's enrichment, itself continuing the request that ingested it), so
 * one trace follows an article from ingest to search. Articles enriched while tracing was off have
 * none and get no span.
 */
final class IndexingSpans {

    private static final AttributeKey<Long> ARTICLE_ID = AttributeKey.longKey("newslens.article.id");
    private static final String KEY = "traceparent";
    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of(KEY);
        }

        @Override
        public String get(String traceparent, String key) {
            return KEY.equals(key) ? traceparent : null;
        }
    };

    private final List<Span> spans;

    private IndexingSpans(List<Span> spans) {
        this.spans = spans;
    }

    /** Starts the spans of the batch's traced articles. */
    static IndexingSpans start(Tracer tracer, ChangeBatch batch) {
        List<Span> spans = new ArrayList<>();
        batch.traceparents().forEach((articleId, traceparent) -> spans.add(tracer.spanBuilder("index article")
                .setParent(W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, STORED))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(ARTICLE_ID, articleId)
                .startSpan()));
        return new IndexingSpans(spans);
    }

    /** Marks every span failed, with the failure's type only (index errors may quote document text). */
    void failed(Exception e) {
        spans.forEach(span -> span.setStatus(StatusCode.ERROR, e.getClass().getName()));
    }

    void end() {
        spans.forEach(Span::end);
    }
}
