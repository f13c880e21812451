package org.newslens.query.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.newslens.query.search.SearchRequest;
import org.newslens.query.service.ArticleSearch;

@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
public class SearchResource {

    private final ArticleSearch search;

    SearchResource(ArticleSearch search) {
        this.search = search;
    }

    @GET
    @Operation(operationId = "searchArticles", summary = "Search enriched articles",
            description = "Lucene query syntax over title and text (title weighs double). Terms are ANDed unless OR is "
                    + "written; \"phrases\", \"a b\"~10 proximity, NOT, -term, parentheses, prefix* and field filters "
                    + "title:, text:, keyphrase:, entity:, person:, org:, place:, source:, lang:, author:, framing:, "
                    + "tone_label:, near_duplicate:, entity_id:, and ranges tone:<-0.5, tone:[-1 TO -0.2], "
                    + "published:[2023-11-01 TO 2023-11-30] (* leaves a side open). Keyword filters match the whole "
                    + "value case-insensitively: quote multi-word names. Page with nextCursor; facets count values "
                    + "over every match. mode=semantic ranks by meaning (the query embedded by nlp-service), "
                    + "mode=hybrid fuses both rankings (reciprocal rank fusion, k=60). filter takes the same syntax and "
                    + "narrows the hits in every mode without ranking them; in semantic and hybrid modes it is how to "
                    + "restrict by source, language, entity or date, since q is read as prose there. "
                    + "Newly enriched articles appear within about a second.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchResponse.class),
            examples = @ExampleObject(name = "hits", value = ApiExamples.SEARCH_RESPONSE)))
    @APIResponse(responseCode = "400", description = "q or filter does not parse, or size, sort, cursor, facets or mode is unusable; the problem names the parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "invalid-query", ref = "invalid-query"), @ExampleObject(name = "invalid-parameter", ref = "invalid-parameter")}))
    @APIResponse(responseCode = "503", description = "mode=semantic or hybrid, and nlp-service could not embed the query",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "nlp-unavailable", value = """
                            {"type": "https://newslens.dev/problems/nlp-unavailable", "title": "Semantic search unavailable",
                             "status": 503, "detail": "Semantic search needs nlp-service to embed the query, and it did not answer (ConnectException). Retry shortly, or search with mode=lexical.",
                             "field": "mode"}""")))
    public SearchResponse search(
            @Parameter(description = "Query; omit to list every article, newest first",
                    example = "person:\"antony blinken\" AND (iraq OR baghdad) AND tone:<-0.2 NOT lang:de") @QueryParam("q") String q,
            @Parameter(description = "Query in the same syntax that every hit must also match, in every mode, without "
                    + "affecting scores: for semantic and hybrid searches, the way to filter",
                    example = "source:reuters AND published:[2024-11-01 TO *]") @QueryParam("filter") String filter,
            @Parameter(description = "Hits to return, 1 to 100 (default 20)", example = "20") @QueryParam("size") String size,
            @Parameter(description = "relevance (default with q) or date (newest first; default without q)",
                    schema = @Schema(enumeration = {"relevance", "date"}), example = "date") @QueryParam("sort") String sort,
            @Parameter(description = "nextCursor from the previous page, to read the next one (lexical mode; same q and sort)",
                    example = "RDoxMDY1MzUzMjE2OjE3MDkyODcyMDAwMDA6NDI") @QueryParam("cursor") String cursor,
            @Parameter(description = "Comma-separated facets to count over all matches: entity, person, org, place, source, lang, framing",
                    example = "entity,source") @QueryParam("facets") String facets,
            @Parameter(description = "lexical (default), semantic or hybrid",
                    schema = @Schema(enumeration = {"lexical", "semantic", "hybrid"}), example = "hybrid") @QueryParam("mode") String mode) {
        return SearchResponse.of(search.search(SearchRequest.parse(q, filter, size, sort, cursor, facets, mode)));
    }
}
