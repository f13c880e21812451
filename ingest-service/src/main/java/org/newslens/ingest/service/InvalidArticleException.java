package org.newslens.ingest.service;

/** Client input that cannot be accepted; {@code field} names it and the message says how to fix it. */
public class InvalidArticleException extends RuntimeException {

    private final String field;
    private final boolean tooLarge;

    private InvalidArticleException(String field, String message, boolean tooLarge) {
        super(message);
        this.field = field;
        this.tooLarge = tooLarge;
    }

    public static InvalidArticleException invalid(String field, String message) {
        return new InvalidArticleException(field, message, false);
    }

    public static InvalidArticleException tooLarge(String field, String message) {
        return new InvalidArticleException(field, message, true);
    }

    public String field() {
        return field;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
