package org.newslens.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Failures that Vert.x answers before any resource runs (a malformed percent-encoding in the path or
 * query, a body over the HTTP limit, a URI over the length limit) get the same problem+json body and
 * headers as every other error, instead of an empty body without a content type.
 *
 * <p>A URI that does not parse (Quarkus's own check, see {@link #takeOverUriValidation}) is a 400
 * malformed-request problem. The HTTP codec's own line limit
 * ({@code quarkus.http.limits.max-initial-line-length}) is set far above {@link #MAX_URI_LENGTH} so that
 * long URIs reach this handler; a request line beyond the codec limit is still refused by Vert.x itself
 * with a bare 414, as Quarkus offers no hook there.
 */
@ApplicationScoped
public class HttpLevelProblems {

    /** Longer than any URI the API needs (query text is limited to a few thousand characters). */
    static final int MAX_URI_LENGTH = 16_384;

    private static final Logger LOG = Logger.getLogger(HttpLevelProblems.class);
    /** The same type URIs and media type as each service's own problem mapper. */
    private static final String TYPE_BASE = "https://newslens.dev/problems/";
    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    private final MemorySize maxBodySize;

    HttpLevelProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /**
     * Quarkus checks that a request URI parses before any route runs, and answers a bare 400 when it does
     * not. This turns that check off so that {@link #refuseUnreadableRequest} makes the same check and
     * answers a problem instead. Quarkus reads the switch once, when its HTTP classes load, so the main class
     * calls this before starting Quarkus (and the test run sets the same system property).
     */
    public static void takeOverUriValidation() {
        System.setProperty("vertx.disableURIValidation", "true");
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseUnreadableRequest);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answerAsProblem);
        // a URI that cannot be decoded matches no route, so route failure handlers never see it
        router.errorHandler(400, this::answerAsProblem);
        router.errorHandler(413, this::answerAsProblem);
    }

    /** Runs before every other route, Quarkus's own body-size check included (which answers a bare 413). */
    private void refuseUnreadableRequest(RoutingContext context) {
        String uri = context.request().uri();
        String declaredLength = context.request().getHeader("Content-Length");
        if (declaredLength != null && isOver(declaredLength, maxBodySize.asLongValue())) {
            tooLarge(context.response());
            return;
        }
        if (uri.length() > MAX_URI_LENGTH) {
            write(context.response(), 414, "uri-too-long", "URI too long", "The request URI is " + uri.length()
                    + " characters; the limit is " + MAX_URI_LENGTH + ". Shorten the query parameters.");
            return;
        }
        try {
            new URI(uri);
        } catch (URISyntaxException unreadable) {
            malformed(context.response());
            return;
        }
        context.next();
    }

    private void answerAsProblem(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            context.next();
            return;
        }
        int status = context.statusCode();
        if (status == 400) {
            malformed(response);
        } else if (status == 413) {
            tooLarge(response);
        } else if (status >= 400 && status < 500) {
            write(response, status, "http-" + status, HttpResponseStatus.valueOf(status).reasonPhrase(),
                    "The request was refused before it reached the API.");
        } else {
            LOG.error("Unexpected failure before a resource ran", context.failure());
            write(response, 500, "internal-error", "Internal error",
                    "The request failed on our side. Retry later; if it persists, report it.");
        }
    }

    private static boolean isOver(String declaredLength, long limit) {
        try {
            return Long.parseLong(declaredLength.strip()) > limit;
        } catch (NumberFormatException notANumber) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private void tooLarge(HttpServerResponse response) {
        write(response, 413, "too-large", "Input too large", "The request body is over this service's limit of "
                + maxBodySize.asLongValue() + " bytes (quarkus.http.limits.max-body-size). Send less per request.");
    }

    private static void malformed(HttpServerResponse response) {
        write(response, 400, "malformed-request", "Malformed request", "The request URI could not be decoded. Every % "
                + "in the path and query must start a valid UTF-8 escape such as %20; write a literal % as %25.");
    }

    private static void write(HttpServerResponse response, int status, String kind, String title, String detail) {
        String body = new JsonObject().put("type", TYPE_BASE + kind).put("title", title)
                .put("status", status).put("detail", detail).encode();
        response.setStatusCode(status)
                .putHeader("Content-Type", PROBLEM_MEDIA_TYPE)
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(body);
    }
}
