package org.newslens.nlp.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newslens.nlp.service.InvalidInputException;
import org.newslens.nlp.service.ModelsNotReadyException;

import java.util.stream.Collectors;

/** The one place that turns failures into application/problem+json responses. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return e.tooLarge()
                ? respond(Problem.of("too-large", "Input too large", 413, e.getMessage(), e.field()))
                : respond(Problem.of("invalid-field", "Invalid field", 400, e.getMessage(), e.field()));
    }

    @ServerExceptionMapper
    public Response modelsNotReady(ModelsNotReadyException e) {
        Problem problem = Problem.of("not-ready", "Not ready", 503, e.getMessage(), null);
        return Response.status(503).header(HttpHeaders.RETRY_AFTER, 5).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response jobNotRetryable(JobNotRetryableException e) {
        return respond(Problem.of("job-not-failed", "Job not failed", 409, e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."))
                : null;
        String detail = "The body is not a valid JSON object of the expected shape (" + e.getOriginalMessage()
                + "). Send one UTF-8 JSON object such as {\"text\": \"…\"}.";
        return respond(Problem.of("malformed-json", "Malformed JSON", 400, detail, field));
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return respond(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                "Send the body as JSON with Content-Type: application/json.", null));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        String detail = e.getMessage() != null && !e.getMessage().startsWith("HTTP ")
                ? e.getMessage() : "No such resource. See /q/swagger-ui for the routes this service offers.";
        return respond(Problem.of("not-found", "Not found", 404, detail, null));
    }

    @ServerExceptionMapper
    public Response otherHttpError(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unparsable) {
            // the JSON reader reports syntax errors wrapped in a plain 400
            return unreadableJson(unparsable);
        }
        int status = e.getResponse().getStatus();
        return respond(Problem.of("http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(), status,
                e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure while handling a request", e);
        return respond(Problem.of("internal-error", "Internal error", 500,
                "The request failed on our side. Retry later; if it persists, report it.", null));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
