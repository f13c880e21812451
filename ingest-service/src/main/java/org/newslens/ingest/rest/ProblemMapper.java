package org.newslens.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newslens.ingest.service.DatabaseFailures;
import org.newslens.ingest.service.IdempotencyKeyReusedException;
import org.newslens.ingest.service.InvalidInputException;
import org.newslens.ingest.service.JsonFieldPath;


/** The one place that turns failures into application/problem+json responses. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return e.tooLarge()
                ? respond(Problem.of("too-large", "Input too large", 413, e.getMessage(), e.field()))
                : respond(Problem.of("invalid-field", "Invalid field", 400, e.getMessage(), e.field()));
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return respond(Problem.of("invalid-parameter", "Invalid parameter", 400, e.getMessage(), e.parameter()));
    }

    @ServerExceptionMapper
    public Response idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return respond(Problem.of("idempotency-key-reused", "Idempotency-Key reused", 422, e.getMessage(), "Idempotency-Key"));
    }

    /** Declared apart from its parent type so that it wins over Quarkus' built-in mapper for it. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = JsonFieldPath.of(e);
        String detail = "The body is not a valid JSON article object (" + e.getOriginalMessage()
                + "). Send one UTF-8 JSON object such as {\"title\": \"…\", \"text\": \"…\"}: each key once, text "
                + "values as strings, nothing after the object.";
        return respond(Problem.of("malformed-json", "Malformed JSON", 400, detail, field));
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return respond(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                "Send the article as JSON with Content-Type: application/json.", null));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        String detail = e.getMessage() != null && !e.getMessage().startsWith("HTTP ")
                ? e.getMessage() : "No such resource. See /q/swagger-ui for the routes this service offers.";
        return respond(Problem.of("not-found", "Not found", 404, detail, null));
    }

    @ServerExceptionMapper
    public Response otherHttpError(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable);
        }
        int status = e.getResponse().getStatus();
        return respond(Problem.of("http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(), status,
                e.getMessage(), null));
    }

    /**
     * Everything no other mapper takes, checked exceptions included (a SQLException thrown by a resource
     * method would otherwise bypass every mapper and answer a bare 500).
     */
    @ServerExceptionMapper
    public Response unexpected(Request request, Throwable e) {
        boolean write = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
        if (DatabaseFailures.isUnavailable(e)) {
            // one line without the stack: an outage would otherwise flood the log, and messages can echo input
            LOG.warnf("Database unavailable while answering %s: %s", request.getMethod(), DatabaseFailures.describe(e));
            return Response.fromResponse(respond(Problem.of("database-unavailable", "Database unavailable", 503,
                            write ? "The database is not reachable right now; nothing was stored. Retry in a few seconds."
                                    : "The database is not reachable right now. Retry in a few seconds.", null)))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected failure while handling a request", e);
        return respond(Problem.of("internal-error", "Internal error", 500, write
                        ? "The request failed on our side and nothing was stored. Retry later; if it persists, report it."
                        : "The request failed on our side. Retry later; if it persists, report it.", null));
    }

    private static Response respond(Problem problem) {
        return problem.toResponse();
    }
}
