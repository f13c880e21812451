package org.newslens.ingest.service;

/** A field of a request body (an article, a feed) that cannot be accepted; {@code field} names it and the message says how to fix it. */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final boolean tooLarge;

    private InvalidInputException(String field, String message, boolean tooLarge) {
        super(message);
        this.field = field;
        this.tooLarge = tooLarge;
    }

    public static InvalidInputException invalid(String field, String message) {
        return new InvalidInputException(field, message, false);
    }

    public static InvalidInputException tooLarge(String field, String message) {
        return new InvalidInputException(field, message, true);
    }

    public String field() {
        return field;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
