package org.newslens.query.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.newslens.query.client.QueryRefusedException;
import org.newslens.query.search.InvalidSearchException;
import org.newslens.query.search.SearchMode;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times searches by mode and outcome: {@code newslens_search_requests_seconds{mode, outcome}} (its
 * {@code _count} is the number of searches). mode is lexical, semantic or hybrid; outcome is ok, invalid
 * (the query was at fault) or failed (anything else, e.g. nlp-service unreachable for an embedding).
 * Every combination is registered at start, so each series exists (at 0) before its first search.
 */
@Startup
@Singleton
public class SearchMetrics {

    /** Histogram buckets: lexical searches take about 1-10 ms, semantic ones add an embedding call. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private enum Outcome { OK, INVALID, FAILED }

    private final Map<SearchMode, Map<Outcome, Timer>> timers = new EnumMap<>(SearchMode.class);

    SearchMetrics(MeterRegistry registry) {
        for (SearchMode mode : SearchMode.values()) {
            Map<Outcome, Timer> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Timer.builder("newslens.search.requests")
                        .description("Searches by mode and outcome, timed from parsed request to result (embedding included)")
                        .tag("mode", mode.name().toLowerCase(Locale.ROOT))
                        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry));
            }
            timers.put(mode, byOutcome);
        }
    }

    /** Runs {@code search} and records its time under its mode and how it ended. */
    <T> T time(SearchMode mode, Supplier<T> search) {
        long started = System.nanoTime();
        Outcome outcome = Outcome.FAILED;
        try {
            T result = search.get();
            outcome = Outcome.OK;
            return result;
        } catch (InvalidSearchException | QueryRefusedException e) {
            outcome = Outcome.INVALID;
            throw e;
        } finally {
            timers.get(mode).get(outcome).record(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
