package org.newslens.ingest.feed;

/** A fetched document that is not an RSS or Atom feed this service can read. */
public class UnreadableFeedException extends Exception {

    UnreadableFeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
