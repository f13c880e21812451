package org.newslens.ingest.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.newslens.ingest.config.IngestConfig;

import java.util.Optional;

/**
 * The HTTP body limit is sized for bulk NDJSON streams (hundreds of MB); a single article is read
 * into memory whole, so its request is refused up front when its declared size could not hold an
 * acceptable article.
 */
public class RequestSizeFilter {

    private final IngestConfig config;

    RequestSizeFilter(IngestConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Optional<Response> refuseOversizedArticle(ContainerRequestContext request) {
        long limit = 2L * config.maxHtmlBytes();
        boolean singleArticle = "POST".equals(request.getMethod()) && "/api/v1/articles".equals(request.getUriInfo().getPath());
        if (!singleArticle || request.getLength() <= limit) {
            return Optional.empty();
        }
        return Optional.of(Problem.of("too-large", "Input too large", 413, "The request body is " + request.getLength()
                + " bytes; one article may take at most " + limit + " bytes. Send many articles as NDJSON to "
                + "POST /api/v1/articles/bulk.", null).toResponse());
    }
}
