package org.newslens.ingest.rest;

import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newslens.ingest.service.ArticleIngestor;
import org.newslens.ingest.service.ArticleReader;
import org.newslens.ingest.service.ArticleValidator;
import org.newslens.ingest.service.IngestOutcome;
import org.newslens.ingest.service.InvalidInputException;

import java.net.URI;
import java.sql.SQLException;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    private static final int DEFAULT_PAGE_SIZE = 50;

    private final ArticleIngestor ingestor;
    private final ArticleReader reader;

    ArticleResource(ArticleIngestor ingestor, ArticleReader reader) {
        this.ingestor = ingestor;
        this.reader = reader;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ingestArticle", summary = "Ingest one article",
            description = "Stores the article and queues it for enrichment in one transaction. The answer comes after commit.")
    @SecurityRequirement(name = "ApiKey")
    @SecurityRequirement(name = "BearerKey")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ArticleRequest.class),
            examples = @ExampleObject(name = "article", value = """
                    {"title": "Blinken meets Iraqi prime minister in Baghdad",
                     "text": "US Secretary of State Antony Blinken met Prime Minister Mohammed Shia' al-Sudani in Baghdad on Sunday.",
                     "url": "https://example.org/news/blinken-baghdad", "publishedAt": "2023-11-05T14:30:00Z",
                     "source": "Example News", "language": "en", "authors": ["Jane Doe"], "externalId": "wire-2023-11-05-0042"}""")))
    @APIResponse(responseCode = "201", description = "Stored (with nearDuplicateOf when it nearly repeats an earlier article)",
            content = @Content(schema = @Schema(implementation = IngestResponse.class), examples = {
                    @ExampleObject(name = "created", value = "{\"id\": 42}"),
                    @ExampleObject(name = "near-duplicate", value = "{\"id\": 43, \"nearDuplicateOf\": 17}")}))
    @APIResponse(responseCode = "200", description = "Already stored (same canonical URL or same body); nothing new written",
            content = @Content(schema = @Schema(implementation = IngestResponse.class),
                    examples = @ExampleObject(name = "duplicate", value = "{\"id\": 42, \"duplicateOf\": 42}")))
    @APIResponse(responseCode = "400", description = "Invalid input; the problem names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-field", ref = "invalid-field")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "413", description = "text or html over the configured limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too-large", ref = "too-large")))
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for a different article",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "idempotency-key-reused", ref = "idempotency-key-reused")))
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public Response ingest(
            @Parameter(description = "Makes retries safe: a repeated request with the same key gets the first answer and stores nothing",
                    example = "8e0c4b2e-5f1d-4d1c-9a57-2b1b3c0f9e11")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            ArticleRequest request) throws SQLException {
        if (request == null) {
            throw InvalidInputException.invalid("body", "The body is empty. Send one JSON article object.");
        }
        IngestOutcome outcome = ingestor.ingest(request.toNewArticle(), ArticleValidator.idempotencyKey(idempotencyKey));
        if (outcome instanceof IngestOutcome.Duplicate) {
            return Response.ok(IngestResponse.of(outcome)).build();
        }
        return Response.created(URI.create("/api/v1/articles/" + outcome.id())).entity(IngestResponse.of(outcome)).build();
    }

    @GET
    @Operation(operationId = "listArticles", summary = "List stored articles in ingestion order",
            description = "Keyset paging: pass the previous page's nextCursor as cursor. No gaps or repeats while articles "
                    + "arrive. The older names after, limit and nextAfter still work in this release.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticleListing.class),
            examples = @ExampleObject(name = "page", value = """
                    {"items": [{"id": 42, "title": "Blinken meets Iraqi prime minister in Baghdad",
                                "url": "https://example.org/news/blinken-baghdad", "source": "Example News", "language": "en",
                                "publishedAt": "2023-11-05T14:30:00Z", "ingestedAt": "2023-11-05T14:31:07Z"}],
                     "nextCursor": "42", "nextAfter": 42}""")))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-parameter", ref = "invalid-parameter")))
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public ArticleListing list(
            @Parameter(description = "Only this source (outlet name)", example = "Example News") @QueryParam("source") String source,
            @Parameter(description = "Only articles ingested at or after this ISO-8601 time or date", example = "2023-11-01")
            @QueryParam("since") String since,
            @Parameter(description = "The nextCursor of the previous page; leave out for the first page", example = "42")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50") @QueryParam("size") String size,
            @Parameter(description = "Deprecated: the old name of cursor", deprecated = true) @QueryParam("after") String after,
            @Parameter(description = "Deprecated: the old name of size", deprecated = true) @QueryParam("limit") String limit) {
        String position = QueryParameters.renamed("cursor", cursor, "after", after);
        String pageSize = QueryParameters.renamed("size", size, "limit", limit);
        return ArticleListing.of(reader.list(QueryParameters.text("source", source), QueryParameters.instant("since", since),
                position == null ? 0 : QueryParameters.number("cursor", position, 0, Long.MAX_VALUE),
                pageSize == null ? DEFAULT_PAGE_SIZE : (int) QueryParameters.number("size", pageSize, 1, 500)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getArticle", summary = "Get a stored article with its processing status",
            description = "The article as stored (normalised, with its canonical URL and detected language) and whether "
                    + "nlp-service has enriched it yet, or why it failed to.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticleView.class),
            examples = @ExampleObject(name = "article", value = """
                    {"id": 42, "title": "Blinken meets Iraqi prime minister in Baghdad",
                     "text": "US Secretary of State Antony Blinken met Prime Minister Mohammed Shia' al-Sudani in Baghdad on Sunday.",
                     "url": "https://example.org/news/blinken-baghdad?utm_source=feed",
                     "canonicalUrl": "https://example.org/news/blinken-baghdad", "source": "Example News", "language": "en",
                     "authors": ["Jane Doe"], "externalId": "wire-2023-11-05-0042",
                     "leadImageUrl": "https://example.org/img/blinken.jpg", "nearDuplicateOf": 17,
                     "publishedAt": "2023-11-05T14:30:00Z", "ingestedAt": "2023-11-05T14:31:07Z",
                     "processing": {"status": "enriched"}}""")))
    @APIResponse(responseCode = "404", description = "No article with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not-found", ref = "not-found")))
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public ArticleView get(@PathParam("id") long id) {
        return reader.find(id).map(ArticleView::of)
                .orElseThrow(() -> new NotFoundException("No article with id " + id));
    }
}
