package org.newslens.ingest.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newslens.ingest.service.ArticleIngestor;
import org.newslens.ingest.service.ArticleReader;
import org.newslens.ingest.service.IngestOutcome;
import org.newslens.ingest.service.InvalidArticleException;

import java.net.URI;
import java.sql.SQLException;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    private final ArticleIngestor ingestor;
    private final ArticleReader reader;

    ArticleResource(ArticleIngestor ingestor, ArticleReader reader) {
        this.ingestor = ingestor;
        this.reader = reader;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest one article",
            description = "Stores the article and queues it for enrichment in one transaction. The answer comes after commit.")
    @APIResponse(responseCode = "201", description = "Stored",
            content = @Content(schema = @Schema(implementation = IngestResponse.class)))
    @APIResponse(responseCode = "200", description = "Already stored (same canonical URL or same body); nothing new written",
            content = @Content(schema = @Schema(implementation = IngestResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ingest(ArticleRequest request) throws SQLException {
        if (request == null) {
            throw InvalidArticleException.invalid("body", "The body is empty. Send one JSON article object.");
        }
        IngestOutcome outcome = ingestor.ingest(request.toNewArticle());
        if (outcome instanceof IngestOutcome.Duplicate) {
            return Response.ok(new IngestResponse(outcome.id(), outcome.id())).build();
        }
        return Response.created(URI.create("/api/v1/articles/" + outcome.id()))
                .entity(new IngestResponse(outcome.id(), null)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a stored article with its processing status")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "No article with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ArticleView get(@PathParam("id") long id) {
        return reader.find(id).map(ArticleView::of)
                .orElseThrow(() -> new NotFoundException("No article with id " + id));
    }
}
