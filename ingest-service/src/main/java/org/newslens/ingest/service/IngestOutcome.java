package org.newslens.ingest.service;

/**
 * What happened to a posted article: stored under a new id (possibly as a near-duplicate of an
 * earlier article), or already known under an existing id.
 */
public sealed interface IngestOutcome {

    long id();

    /** The wire name of the outcome, as in bulk results and the idempotency table. */
    String status();

    record Created(long id) implements IngestOutcome {
        public String status() {
            return "created";
        }
    }

    record NearDuplicate(long id, long nearDuplicateOf) implements IngestOutcome {
        public String status() {
            return "near_duplicate";
        }
    }

    record Duplicate(long id) implements IngestOutcome {
        public String status() {
            return "duplicate";
        }
    }
}
