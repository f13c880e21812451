package org.newslens.ingest.service;

/** An Idempotency-Key sent again with a different article: answered 422, nothing stored. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different article. Use a new key for each "
                + "distinct article, and the same key only to retry the same request.");
    }
}
