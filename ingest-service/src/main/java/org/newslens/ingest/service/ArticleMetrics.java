package org.newslens.ingest.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts articles by outcome ({@code newslens_articles_ingested_total}) and NDJSON bulk lines by outcome
 * ({@code newslens_bulk_lines_total}). Stored articles are counted after their transaction committed, so a
 * rolled-back batch that is then stored line by line counts once. Every label value is registered at
 * start, so each series exists (at 0) before its first event and a dashboard never shows "no data".
 */
@Startup
@ApplicationScoped
public class ArticleMetrics {

    private static final String REJECTED = "rejected";
    private static final List<String> STORED = List.of("created", "near_duplicate", "duplicate");
    /** Why a bulk line was not stored: the problem kinds of {@link BulkIngestor}. */
    private static final List<String> LINE_PROBLEMS = List.of("malformed-json", "too-large", "invalid-field",
            "internal-error", "database-unavailable");
    private static final String NO_PROBLEM = "none";

    private final MeterRegistry registry;
    private final Map<String, Counter> articles = new ConcurrentHashMap<>();
    private final Map<String, Counter> storedLines = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejectedLines = new ConcurrentHashMap<>();

    ArticleMetrics(MeterRegistry registry) {
        this.registry = registry;
        STORED.forEach(this::article);
        article(REJECTED);
        STORED.forEach(this::storedLine);
        LINE_PROBLEMS.forEach(this::rejectedLine);
    }

    void stored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticlesStored stored) {
        stored.outcomes().forEach(outcome -> article(outcome.status()).increment());
    }

    /** An article refused as invalid input (validation or, in a bulk stream, malformed JSON). */
    void rejected() {
        article(REJECTED).increment();
    }

    /** A bulk line whose result was reported to the client. */
    void bulkLine(BulkLineResult result) {
        (result.outcome() != null ? storedLine(result.status()) : rejectedLine(result.kind())).increment();
    }

    private Counter article(String outcome) {
        return articles.computeIfAbsent(outcome, o -> Counter.builder("newslens.articles.ingested")
                .description("Articles posted (single, bulk or from feeds) by outcome; rejected = invalid input")
                .tag("outcome", o).register(registry));
    }

    private Counter storedLine(String status) {
        return storedLines.computeIfAbsent(status, s -> bulkLines(s, NO_PROBLEM));
    }

    private Counter rejectedLine(String problem) {
        return rejectedLines.computeIfAbsent(problem, p -> bulkLines(REJECTED, p));
    }

    private Counter bulkLines(String outcome, String problem) {
        return Counter.builder("newslens.bulk.lines")
                .description("NDJSON bulk lines by outcome; problem says why a rejected line was not stored")
                .tag("outcome", outcome).tag("problem", problem).register(registry);
    }
}
