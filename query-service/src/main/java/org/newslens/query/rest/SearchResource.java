package org.newslens.query.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newslens.query.search.SearchBackend;
import org.newslens.query.search.SearchRequest;

@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
public class SearchResource {

    private final SearchBackend backend;

    SearchResource(SearchBackend backend) {
        this.backend = backend;
    }

    @GET
    @Operation(summary = "Search enriched articles",
            description = "Lucene query syntax over title and text (title weighs double). Terms are ANDed unless OR is "
                    + "written; \"phrases\", \"a b\"~10 proximity, NOT, -term, parentheses, prefix* and field filters "
                    + "title:, text:, entity:, person:, org:, place:, source:, lang:, entity_id:. Entity, source and "
                    + "language filters match the whole name case-insensitively: quote multi-word names. "
                    + "Newly enriched articles appear within about a second.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchResponse.class)))
    @APIResponse(responseCode = "400", description = "The query does not parse, or size/sort is out of range; the problem names the parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchResponse search(
            @Parameter(description = "Query; omit to list every article, newest first",
                    example = "person:\"antony blinken\" AND (iraq OR baghdad) NOT lang:de") @QueryParam("q") String q,
            @Parameter(description = "Hits to return, 1 to 100 (default 20)", example = "20") @QueryParam("size") String size,
            @Parameter(description = "relevance (default with q) or date (newest first; default without q)",
                    schema = @Schema(enumeration = {"relevance", "date"}), example = "date") @QueryParam("sort") String sort) {
        return SearchResponse.of(backend.search(SearchRequest.parse(q, size, sort)));
    }
}
