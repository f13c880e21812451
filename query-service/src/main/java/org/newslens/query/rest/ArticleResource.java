package org.newslens.query.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newslens.query.search.SearchBackend;
import org.newslens.query.search.SearchRequest;
import org.newslens.query.service.ArticleReader;

import java.sql.SQLException;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

    private final ArticleReader reader;
    private final SearchBackend backend;

    ArticleResource(ArticleReader reader, SearchBackend backend) {
        this.reader = reader;
        this.backend = backend;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getArticle", summary = "Get an article with its entities and their mentions",
            description = "Read from the database, so it reflects the latest enrichment even before the search index does.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticleView.class),
            examples = @ExampleObject(name = "article", value = ApiExamples.ARTICLE)))
    @APIResponse(responseCode = "400", description = "The id holds a NUL character or an unpaired surrogate",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-parameter", ref = "invalid-parameter")))
    @APIResponse(responseCode = "404", description = "No article with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not-found", ref = "not-found")))
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public ArticleView get(@Parameter(description = "Article id", example = "4711") @PathParam("id") String id)
            throws SQLException {
        return reader.find(id).map(ArticleView::of)
                .orElseThrow(() -> new NotFoundException("No article with id " + id));
    }

    @GET
    @Path("/{id}/similar")
    @Operation(operationId = "findSimilarArticles", summary = "Articles nearest in meaning to this one",
            description = "Nearest neighbours of the article's embedding (HNSW, dot product), the article itself excluded. "
                    + "No hits when the article has no embedding yet.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchResponse.class),
            examples = @ExampleObject(name = "similar", value = ApiExamples.SIMILAR_RESPONSE)))
    @APIResponse(responseCode = "400", description = "size is out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-parameter", ref = "invalid-parameter")))
    @APIResponse(responseCode = "404", description = "No indexed article with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not-found", ref = "not-found")))
    public SearchResponse similar(@Parameter(description = "Article id", example = "4711") @PathParam("id") String id,
                                  @Parameter(description = "Hits to return, 1 to 100 (default 20)", example = "10")
                                  @QueryParam("size") String size) {
        int wanted = SearchRequest.parseSize(size);
        return PathIds.parse(id).flatMap(articleId -> backend.similar(articleId, wanted)).map(SearchResponse::of)
                .orElseThrow(() -> new NotFoundException("No indexed article with id " + id));
    }
}
