package org.newslens.nlp.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.newslens.nlp.config.AccessConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * When an API key is configured ({@code newslens.api-key}), every request that is not a read (GET, HEAD,
 * OPTIONS) needs it: analyze, embed, waking the workers and retrying jobs all cost CPU or change state.
 */
public class ApiKeyFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AccessConfig config;

    ApiKeyFilter(AccessConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireApiKey(ContainerRequestContext request) {
        if (config.apiKey().isEmpty() || READS.contains(request.getMethod())
                || request.getUriInfo().getRequestUri().getPath().startsWith("/q/")) {
            return Optional.empty();
        }
        String given = request.getHeaderString("X-API-Key");
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (given == null && authorization != null && authorization.startsWith("Bearer ")) {
            given = authorization.substring("Bearer ".length()).strip();
        }
        if (given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                config.apiKey().get().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        Problem problem = Problem.of("unauthorized", "API key required", 401,
                "Requests other than GET, HEAD and OPTIONS need the API key in an X-API-Key header "
                        + "(or Authorization: Bearer <key>).", null);
        return Optional.of(Response.status(401).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
    }
}
