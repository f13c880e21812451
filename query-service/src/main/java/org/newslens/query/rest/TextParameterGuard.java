package org.newslens.query.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses text that no article can hold before any endpoint reads it: a NUL character or an unpaired
 * UTF-16 surrogate in any query or path parameter is a 400 problem naming the parameter. Neither can be
 * stored in PostgreSQL text nor sent to nlp-service as JSON, so passing them on only fails later, and
 * less clearly.
 */
public class TextParameterGuard {

    @ServerRequestFilter
    public Optional<Response> refuseUnreadableText(ContainerRequestContext request) {
        Optional<Response> refused = firstUnreadable(request.getUriInfo().getQueryParameters());
        return refused.isPresent() ? refused : firstUnreadable(request.getUriInfo().getPathParameters());
    }

    private static Optional<Response> firstUnreadable(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                String problem = problemIn(value);
                if (problem != null) {
                    String name = parameter.getKey();
                    return Optional.of(Response.status(400).type(Problem.MEDIA_TYPE).entity(Problem.of(
                            "invalid-parameter", "Invalid parameter", 400, name + " " + problem, name)).build());
                }
            }
        }
        return Optional.empty();
    }

    /** What makes {@code text} unusable, as words that follow its parameter's name; null when it is fine. */
    static String problemIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "contains a NUL character (U+0000) at position " + i + ", which no text can hold: remove it.";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("contains an unpaired surrogate (U+%04X) at position %d, which is not a character: "
                        + "send the text as valid UTF-8.", (int) c, i);
            }
        }
        return null;
    }
}
