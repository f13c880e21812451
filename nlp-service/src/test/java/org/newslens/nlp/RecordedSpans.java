package org.newslens.nlp;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps the spans that tests record (application.properties: %test exports through CDI exporters only,
 * each span as it ends), so a test can check what was traced.
 */
public class RecordedSpans {

    @Produces
    @Singleton
    InMemorySpanExporter recordedSpans() {
        return InMemorySpanExporter.create();
    }
}
