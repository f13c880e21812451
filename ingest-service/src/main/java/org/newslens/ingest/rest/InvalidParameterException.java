package org.newslens.ingest.rest;

/** A query parameter that cannot be used; {@code parameter} names it and the message says how to fix it. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
