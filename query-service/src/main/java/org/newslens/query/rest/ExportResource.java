package org.newslens.query.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newslens.query.search.InvalidSearchException;
import org.newslens.query.search.SearchBackend;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

@Path("/api/v1/export")
@Tag(name = "Export")
public class ExportResource {

    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";

    private final SearchBackend backend;
    private final ObjectMapper json;

    ExportResource(SearchBackend backend, ObjectMapper json) {
        this.backend = backend;
        this.json = json;
    }

    @GET
    @Produces({CSV, NDJSON})
    @Operation(operationId = "exportArticles", summary = "Download every matching article with its annotations",
            description = "Streams all matches, newest first. ndjson: one JSON object per line with the top entities and "
                    + "nlp-service's whole analysis (keyphrases, tone with evidence, framing, quotes, quantities). csv (RFC 4180, "
                    + "UTF-8, header row): one row per article; list columns are joined with \"; \".")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = CSV, examples = @ExampleObject(name = "csv", value = ExportCsv.HEADER + "\n"
                    + "4711,2023-11-05T14:30:00Z,Reuters,en,https://example.com/a,\"Blinken, Sudani meet\",Jane Roe,false,-0.42,negative,Antony Blinken; Baghdad,loaded-label,water dispute,1\n")),
            @Content(mediaType = NDJSON, examples = @ExampleObject(name = "ndjson",
                    value = "{\"id\":4711,\"title\":\"Blinken, Sudani meet\",\"tone\":{\"score\":-0.42,\"label\":\"negative\"},\"analysis\":{…}}\n"))})
    @APIResponse(responseCode = "400", description = "q does not parse, or format is unknown; the problem names the parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "invalid-query", ref = "invalid-query"), @ExampleObject(name = "invalid-parameter", ref = "invalid-parameter")}))
    public Response export(
            @Parameter(description = "Query, as for search; omit for every article", example = "person:\"antony blinken\"")
            @QueryParam("q") String q,
            @Parameter(description = "ndjson (default) or csv", schema = @Schema(enumeration = {"ndjson", "csv"}), example = "csv")
            @QueryParam("format") String format) {
        boolean csv = csv(format);
        // counting parses q now, so a bad query is a 400 problem rather than a broken download
        long total = backend.count(q);
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            if (csv) {
                ExportCsv.writeHeader(writer);
                backend.export(q, article -> ExportCsv.writeRow(writer, article));
            } else {
                backend.export(q, article -> {
                    writer.write(json.writeValueAsString(ExportNdjson.of(article, json)));
                    writer.write('\n');
                });
            }
            writer.flush();
        };
        return Response.ok(body, csv ? CSV + "; charset=UTF-8" : NDJSON)
                .header("X-Total-Count", total)
                .header("Content-Disposition", "attachment; filename=\"newslens-export." + (csv ? "csv" : "ndjson") + "\"")
                .build();
    }

    private static boolean csv(String format) {
        String value = format == null || format.isBlank() ? "ndjson" : format.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "ndjson" -> false;
            case "csv" -> true;
            default -> throw InvalidSearchException.parameter("format", "format '" + format + "' is not supported: use ndjson or csv.");
        };
    }
}
