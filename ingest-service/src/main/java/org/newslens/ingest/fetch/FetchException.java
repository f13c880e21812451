package org.newslens.ingest.fetch;

/** A fetch that produced no usable response; the message says which URL and why, for logs and users. */
public class FetchException extends Exception {

    /** Why the fetch failed, for callers that treat the reasons differently. */
    public enum Reason {
        /** Not an http(s) URL, or its host resolves to an address that may not be fetched. */
        REFUSED_TARGET,
        /** DNS, connection or protocol failure. */
        NETWORK,
        TIMEOUT,
        TOO_LARGE,
        TOO_MANY_REDIRECTS
    }

    private final Reason reason;

    FetchException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    FetchException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
