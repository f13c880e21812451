package org.newslens.ingest.service;

/** What happened to a posted article: stored under a new id, or already known under an existing one. */
public sealed interface IngestOutcome {

    long id();

    record Created(long id) implements IngestOutcome {
    }

    record Duplicate(long id) implements IngestOutcome {
    }
}
