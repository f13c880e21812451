package org.newslens.query.search;

/** A search the service cannot run as asked; {@code field} names the request parameter to change. */
public class InvalidSearchException extends RuntimeException {

    private final String field;
    /** For query text: what is wrong with it, as a sentence that follows the parameter's name. */
    private final String queryProblem;

    private InvalidSearchException(String field, String message, String queryProblem) {
        super(message);
        this.field = field;
        this.queryProblem = queryProblem;
    }

    /**
     * The query text in {@code q} does not parse, or names something that does not exist. {@code problem}
     * follows the parameter's name: "is not a valid query: ...".
     */
    public static InvalidSearchException query(String problem) {
        return inQuery("q", problem);
    }

    public static InvalidSearchException parameter(String field, String message) {
        return new InvalidSearchException(field, message, null);
    }

    private static InvalidSearchException inQuery(String field, String problem) {
        return new InvalidSearchException(field, field + " " + problem, problem);
    }

    /** The same problem of query text, found in parameter {@code field} rather than in q. */
    InvalidSearchException inParameter(String field) {
        return queryProblem == null ? this : inQuery(field, queryProblem);
    }

    public String field() {
        return field;
    }

    public boolean querySyntax() {
        return queryProblem != null;
    }
}
