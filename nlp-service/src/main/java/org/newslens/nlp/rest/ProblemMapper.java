package org.newslens.nlp.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newslens.nlp.service.DatabaseFailures;
import org.newslens.nlp.service.InvalidInputException;
import org.newslens.nlp.service.ModelsNotReadyException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.stream.Collectors;

/** The one place that turns failures into application/problem+json responses. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

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
        String field = fieldOf(e);
        String detail = "The body is not a valid JSON object of the expected shape (" + e.getOriginalMessage()
                + (field == null ? "" : " at " + field)
                + "). Send one UTF-8 JSON object, each key once, strings as strings, such as {\"text\": \"…\"}.";
        return respond(Problem.of("malformed-json", "Malformed JSON", 400, detail, field));
    }

    /**
     * Wrong value types and trailing tokens. Quarkus maps this subtype itself (a bare 400), and the
     * closest mapper wins, so it is named here to get the same problem as every other JSON error.
     */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    /** The JSON path of the offending value ("text", "entities.[0].name"), or null for the body as a whole. */
    private static String fieldOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        // syntax errors (a duplicate key among them) carry the parser, whose context says where it stood
        if (e instanceof StreamReadException read && read.getProcessor() != null) {
            Deque<String> path = new ArrayDeque<>();
            for (JsonStreamContext context = read.getProcessor().getParsingContext(); context != null && !context.inRoot();
                 context = context.getParent()) {
                if (context.inArray()) {
                    path.addFirst("[" + context.getCurrentIndex() + "]");
                } else if (context.getCurrentName() != null) {
                    path.addFirst(context.getCurrentName());
                }
            }
            return path.isEmpty() ? null : String.join(".", path);
        }
        return null;
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

    /**
     * Whatever no other mapper takes, checked SQLExceptions included. A database that cannot answer is the
     * caller's to retry (503); anything else is our fault (500), logged with its stack but answered without.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, Request request) {
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("Database unavailable while handling %s: %s", request.getMethod(), e.getClass().getSimpleName());
            String outcome = READS.contains(request.getMethod()) ? "nothing could be read" : "nothing was stored";
            Problem problem = Problem.of("database-unavailable", "Database unavailable", 503,
                    "The database is not reachable right now; " + outcome + ". Retry in a few seconds.", null);
            return Response.status(503).header(HttpHeaders.RETRY_AFTER, 5).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        LOG.error("Unexpected failure while handling a request", e);
        return respond(Problem.of("internal-error", "Internal error", 500,
                "The request failed on our side. Retry later; if it persists, report it.", null));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
