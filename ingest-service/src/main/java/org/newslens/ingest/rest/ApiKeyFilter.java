package org.newslens.ingest.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.newslens.ingest.config.IngestConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/** Guards write endpoints with the configured API key ({@code newslens.ingest.api-key}), when one is set. */
public class ApiKeyFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final IngestConfig config;

    ApiKeyFilter(IngestConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireApiKey(ContainerRequestContext request) {
        if (config.apiKey().isEmpty() || !WRITES.contains(request.getMethod())) {
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
        return Optional.of(Response.fromResponse(Problem.of("unauthorized", "API key required", 401,
                        "Write requests need the API key in an X-API-Key header (or Authorization: Bearer <key>).", null)
                .toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
    }
}
