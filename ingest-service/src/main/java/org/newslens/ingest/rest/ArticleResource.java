package org.newslens.ingest.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newslens.ingest.service.ArticleIngestor;
import org.newslens.ingest.service.ArticlePage;
import org.newslens.ingest.service.ArticleReader;
import org.newslens.ingest.service.ArticleValidator;
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
    @APIResponse(responseCode = "201", description = "Stored (with nearDuplicateOf when it nearly repeats an earlier article)",
            content = @Content(schema = @Schema(implementation = IngestResponse.class)))
    @APIResponse(responseCode = "200", description = "Already stored (same canonical URL or same body); nothing new written",
            content = @Content(schema = @Schema(implementation = IngestResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "text or html over the configured limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for a different article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database is unreachable; nothing was stored. Retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ingest(
            @Parameter(description = "Makes retries safe: a repeated request with the same key gets the first answer and stores nothing",
                    example = "8e0c4b2e-5f1d-4d1c-9a57-2b1b3c0f9e11")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            ArticleRequest request) throws SQLException {
        if (request == null) {
            throw InvalidArticleException.invalid("body", "The body is empty. Send one JSON article object.");
        }
        IngestOutcome outcome = ingestor.ingest(request.toNewArticle(), ArticleValidator.idempotencyKey(idempotencyKey));
        if (outcome instanceof IngestOutcome.Duplicate) {
            return Response.ok(IngestResponse.of(outcome)).build();
        }
        return Response.created(URI.create("/api/v1/articles/" + outcome.id())).entity(IngestResponse.of(outcome)).build();
    }

    @GET
    @Operation(summary = "List stored articles in ingestion order",
            description = "Keyset paging: pass the previous page's nextAfter as after. No gaps or repeats while articles arrive.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticlePage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ArticlePage list(
            @Parameter(description = "Only this source (outlet name)", example = "Example News") @QueryParam("source") String source,
            @Parameter(description = "Only articles ingested at or after this ISO-8601 time or date", example = "2023-11-01")
            @QueryParam("since") String since,
            @Parameter(description = "Cursor: the nextAfter of the previous page") @QueryParam("after") @DefaultValue("0") String after,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("50") String limit) {
        ArticleValidator.requireStorable("source", source);
        return reader.list(source == null || source.isBlank() ? null : source.strip(), QueryParameters.instant("since", since),
                QueryParameters.number("after", after, 0, Long.MAX_VALUE), (int) QueryParameters.number("limit", limit, 1, 500));
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
