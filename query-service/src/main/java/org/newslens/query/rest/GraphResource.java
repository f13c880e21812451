package org.newslens.query.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newslens.query.search.EntityGraph;
import org.newslens.query.search.InvalidSearchException;
import org.newslens.query.search.SearchBackend;

import java.util.Locale;

@Path("/api/v1/graph")
@Tag(name = "Analytics")
public class GraphResource {

    static final String GRAPHML = "application/graphml+xml";
    private static final int DEFAULT_NODES = 50;
    private static final int MAX_NODES = 500;

    private final SearchBackend backend;

    GraphResource(SearchBackend backend) {
        this.backend = backend;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, GRAPHML})
    @Operation(operationId = "getEntityGraph", summary = "Entity co-occurrence network of matching articles",
            description = "Nodes are entities with the number of matching articles mentioning them; an edge joins two "
                    + "entities mentioned in the same article, weighted by the number of such articles. format=graphml "
                    + "downloads GraphML for Gephi or Cytoscape (node attributes label, type, count; edge weight).")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntityGraph.class),
                    examples = @ExampleObject(name = "graph", value = ApiExamples.GRAPH)),
            @Content(mediaType = GRAPHML, examples = @ExampleObject(name = "graphml",
                    value = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">…<node id=\"12\"><data key=\"label\">Antony Blinken</data>…"))})
    @APIResponse(responseCode = "400", description = "q does not parse, or format or size is unusable; the problem names the parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "invalid-query", ref = "invalid-query"), @ExampleObject(name = "invalid-parameter", ref = "invalid-parameter")}))
    public Response graph(
            @Parameter(description = "Query, as for search; omit for every article", example = "place:iraq") @QueryParam("q") String q,
            @Parameter(description = "json (default) or graphml", schema = @Schema(enumeration = {"json", "graphml"}),
                    example = "graphml") @QueryParam("format") String format,
            @Parameter(description = "Most frequent entities to keep, 1 to 500 (default 50)", example = "50")
            @QueryParam("size") String size) {
        boolean graphml = graphml(format);
        EntityGraph graph = backend.graph(q, nodes(size));
        return graphml
                ? Response.ok(GraphMlWriter.write(graph), GRAPHML)
                        .header("Content-Disposition", "attachment; filename=\"newslens-graph.graphml\"").build()
                : Response.ok(graph, MediaType.APPLICATION_JSON).build();
    }

    private static boolean graphml(String format) {
        String value = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "json" -> false;
            case "graphml" -> true;
            default -> throw InvalidSearchException.parameter("format", "format '" + format + "' is not supported: use json or graphml.");
        };
    }

    private static int nodes(String size) {
        if (size == null || size.isBlank()) {
            return DEFAULT_NODES;
        }
        try {
            int n = Integer.parseInt(size.strip());
            if (n >= 1 && n <= MAX_NODES) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the valid range
        }
        throw InvalidSearchException.parameter("size", "size '" + size + "' is not a whole number from 1 to " + MAX_NODES + ".");
    }
}
