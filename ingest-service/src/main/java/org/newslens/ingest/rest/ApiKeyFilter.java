package org.newslens.ingest.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.newslens.ingest.config.AccessConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * When the suite's API key ({@code newslens.api-key}) is set, every request that is not a read (GET,
 * HEAD, OPTIONS) must carry it. The key is compared in constant time and never logged.
 */
public class ApiKeyFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final AccessConfig access;

    ApiKeyFilter(AccessConfig access) {
        this.access = access;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireApiKey(ContainerRequestContext request) {
        if (access.apiKey().isEmpty() || READS.contains(request.getMethod())
                || request.getUriInfo().getPath().startsWith("/q/")) {
            return Optional.empty();
        }
        String given = request.getHeaderString("X-API-Key");
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (given == null && authorization != null && authorization.startsWith("Bearer ")) {
            given = authorization.substring("Bearer ".length()).strip();
        }
        if (given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                access.apiKey().get().getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(Response.fromResponse(Problem.of("unauthorized", "API key required", 401,
                        "Requests other than GET, HEAD and OPTIONS need the API key in an X-API-Key header "
                                + "(or Authorization: Bearer <key>).", null)
                .toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
    }
}
