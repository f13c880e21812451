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
import org.newslens.query.search.SearchBackend;
import org.newslens.query.search.SourceComparison;

import java.util.List;

@Path("/api/v1/compare")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
public class CompareResource {

    private final SearchBackend backend;

    CompareResource(SearchBackend backend) {
        this.backend = backend;
    }

    @GET
    @Operation(operationId = "compareSources", summary = "Compare how sources cover a query",
            description = "Per source over the matching articles: article count, mean tone, framing markers by category "
                    + "(loaded-label, emotive-adjective, dehumanizing, scare-quotes, agentless-casualty) and the quantities "
                    + "reported, most articles first. Articles without a source are grouped as \"(unknown)\".")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CompareResponse.class),
            examples = @ExampleObject(name = "sources", value = ApiExamples.COMPARE)))
    @APIResponse(responseCode = "400", description = "q does not parse; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid-query", ref = "invalid-query")))
    public CompareResponse compare(
            @Parameter(description = "Query, as for search; omit for every article", example = "place:gaza AND casualties")
            @QueryParam("q") String q) {
        return new CompareResponse(backend.compare(q));
    }

    @Schema(name = "CompareResponse", description = "One entry per source, most matching articles first")
    public record CompareResponse(List<SourceComparison> sources) {
    }
}
