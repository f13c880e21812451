package org.newslens.nlp.service;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * W3C traceparent values as stored in nlp.jobs (written by ingest-service with each job) and
 * nlp.enrichments (read by query-service's indexer): one article's trace carried across the queue
 * and the change feed.
 */
final class TraceParent {

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

    private TraceParent() {
    }

    /** {@code 00-<trace id>-<span id>-<flags>} of the current span, or null where none is recording (tracing off). */
    static String current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(KEY);
    }

    /** The context a stored traceparent names; the root context (a new trace) for null or a malformed value. */
    static Context context(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, STORED);
    }
}
