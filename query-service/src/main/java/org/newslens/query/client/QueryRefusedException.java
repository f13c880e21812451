package org.newslens.query.client;

/**
 * nlp-service answered that it cannot embed this query text (400, 413, 414 or 422): the text is at fault,
 * not the service, so asking again cannot help.
 */
public class QueryRefusedException extends RuntimeException {

    public QueryRefusedException(String message) {
        super(message);
    }
}
