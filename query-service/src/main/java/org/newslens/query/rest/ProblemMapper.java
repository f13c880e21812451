package org.newslens.query.rest;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newslens.query.client.EmbeddingUnavailableException;
import org.newslens.query.client.QueryRefusedException;
import org.newslens.query.search.InvalidSearchException;
import org.newslens.query.service.DatabaseFailures;

/** The one place that turns failures into application/problem+json responses. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** Seconds a client should wait before asking again when a dependency is down. */
    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response invalidSearch(InvalidSearchException e) {
        return e.querySyntax()
                ? respond(Problem.of("invalid-query", "Invalid query", 400, e.getMessage(), e.field()))
                : respond(Problem.of("invalid-parameter", "Invalid parameter", 400, e.getMessage(), e.field()));
    }

    @ServerExceptionMapper
    public Response queryRefused(QueryRefusedException e) {
        return respond(Problem.of("invalid-parameter", "Invalid parameter", 400, e.getMessage(), "q"));
    }

    @ServerExceptionMapper
    public Response embeddingUnavailable(EmbeddingUnavailableException e) {
        return retryLater(Problem.of("nlp-unavailable", "Semantic search unavailable", 503, e.getMessage(), "mode"));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        String detail = e.getMessage() != null && !e.getMessage().startsWith("HTTP ")
                ? e.getMessage() : "No such resource. See /q/swagger-ui for the routes this service offers.";
        return respond(Problem.of("not-found", "Not found", 404, detail, null));
    }

    @ServerExceptionMapper
    public Response otherHttpError(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return respond(Problem.of("http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(), status,
                e.getMessage(), null));
    }

    /**
     * Everything else, checked exceptions such as SQLException included: a database that cannot answer now
     * is a 503 to retry (one line in the log), anything else a 500 without details (logged with its stack).
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("Database unavailable while handling a request: %s", e.getClass().getSimpleName());
            return retryLater(Problem.of("database-unavailable", "Database unavailable", 503,
                    "The database is not reachable right now; nothing was read. Retry in a few seconds.", null));
        }
        LOG.error("Unexpected failure while handling a request", e);
        return respond(Problem.of("internal-error", "Internal error", 500,
                "The request failed on our side. Retry later; if it persists, report it.", null));
    }

    private static Response retryLater(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
