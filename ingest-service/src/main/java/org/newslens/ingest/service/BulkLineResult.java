package org.newslens.ingest.service;

/**
 * The result of one NDJSON line: an {@code outcome}, or a rejection of the given problem
 * {@code kind} (as in the single-article API) with its {@code detail} and offending {@code field}.
 */
public record BulkLineResult(int line, IngestOutcome outcome, String kind, String detail, String field) {

    static BulkLineResult stored(int line, IngestOutcome outcome) {
        return new BulkLineResult(line, outcome, null, null, null);
    }

    static BulkLineResult rejected(int line, String kind, String detail, String field) {
        return new BulkLineResult(line, null, kind, detail, field);
    }

    public String status() {
        return outcome == null ? "rejected" : outcome.status();
    }
}
