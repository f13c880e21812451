package org.newslens.query.search;

/** A search the service cannot run as asked; {@code field} names the request parameter to change. */
public class InvalidSearchException extends RuntimeException {

    private final String field;
    private final boolean querySyntax;

    private InvalidSearchException(String field, String message, boolean querySyntax) {
        super(message);
        this.field = field;
        this.querySyntax = querySyntax;
    }

    /** The query text in {@code q} does not parse, or names something that does not exist. */
    public static InvalidSearchException query(String message) {
        return new InvalidSearchException("q", message, true);
    }

    public static InvalidSearchException parameter(String field, String message) {
        return new InvalidSearchException(field, message, false);
    }

    public String field() {
        return field;
    }

    public boolean querySyntax() {
        return querySyntax;
    }
}
