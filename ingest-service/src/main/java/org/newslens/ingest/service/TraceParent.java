package org.newslens.ingest.service;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

import java.util.HashMap;
import java.util.Map;

/**
 * The W3C traceparent of the current span, written with each enrichment job so that nlp-service's
 * enrichment continues the trace of the request that ingested the article (nlp-service's V8 migration).
 */
final class TraceParent {

    private TraceParent() {
    }

    /** {@code 00-<trace id>-<span id>-<flags>}, or null where no span is current (tracing off, a feed poll). */
    static String current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }
}
