package org.newslens.query.rest;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newslens.query.client.EmbeddingUnavailableException;
import org.newslens.query.search.InvalidSearchException;

/** The one place that turns failures into application/problem+json responses. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response invalidSearch(InvalidSearchException e) {
        return e.querySyntax()
                ? respond(Problem.of("invalid-query", "Invalid query", 400, e.getMessage(), e.field()))
                : respond(Problem.of("invalid-parameter", "Invalid parameter", 400, e.getMessage(), e.field()));
    }

    @ServerExceptionMapper
    public Response embeddingUnavailable(EmbeddingUnavailableException e) {
        return respond(Problem.of("nlp-unavailable", "Semantic search unavailable", 503, e.getMessage(), "mode"));
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

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure while handling a request", e);
        return respond(Problem.of("internal-error", "Internal error", 500,
                "The request failed on our side. Retry later; if it persists, report it.", null));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
