package org.newslens.nlp.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newslens.nlp.service.EnrichmentReader;

import java.sql.SQLException;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analysis")
public class ArticleAnalysisResource {

    private final EnrichmentReader reader;

    ArticleAnalysisResource(EnrichmentReader reader) {
        this.reader = reader;
    }

    @GET
    @Path("/{articleId}/analysis")
    @Operation(operationId = "getArticleAnalysis", summary = "An article's stored enrichment",
            description = "Entities with their mentions and the stored analysis, as the latest enrichment job wrote them.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticleAnalysisResponse.class),
            examples = @ExampleObject(name = "analysis", value = ApiExamples.ARTICLE_ANALYSIS)))
    @APIResponse(responseCode = "404", description = "The article has no enrichment (yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not-enriched", value = """
                            {"type": "https://newslens.dev/problems/not-found", "title": "Not found", "status": 404,
                             "detail": "Article 4711 has no enrichment. It may not be enriched yet: see GET /api/v1/jobs/stats."}""")))
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public ArticleAnalysisResponse analysis(
            @Parameter(description = "The article's id in ingest-service", example = "4711") @PathParam("articleId") String articleId)
            throws SQLException {
        long id;
        try {
            id = Long.parseLong(articleId);
        } catch (NumberFormatException e) {
            throw noEnrichment(articleId);
        }
        return ArticleAnalysisResponse.of(reader.find(id).orElseThrow(() -> noEnrichment(articleId)));
    }

    private static NotFoundException noEnrichment(String articleId) {
        return new NotFoundException("Article " + articleId
                + " has no enrichment. It may not be enriched yet: see GET /api/v1/jobs/stats.");
    }
}
