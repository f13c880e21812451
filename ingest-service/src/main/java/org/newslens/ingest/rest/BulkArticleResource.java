package org.newslens.ingest.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newslens.ingest.service.BulkIngestor;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

@Path("/api/v1/articles/bulk")
@Tag(name = "Articles")
public class BulkArticleResource {

    static final String NDJSON = "application/x-ndjson";

    private final BulkIngestor bulkIngestor;
    private final ObjectMapper json;

    BulkArticleResource(BulkIngestor bulkIngestor, ObjectMapper json) {
        this.bulkIngestor = bulkIngestor;
        this.json = json;
    }

    @POST
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @Operation(operationId = "ingestBulk", summary = "Ingest many articles as NDJSON, streamed",
            description = "One JSON article per line, as for POST /api/v1/articles. The answer streams one result line per "
                    + "input line (after the batch holding it committed), then a summary line. A bad line is rejected with "
                    + "its reason; the lines around it are stored. Lines that meet a database outage after the stream "
                    + "started are answered with a database-unavailable error (status 503): send them again.")
    @SecurityRequirement(name = "ApiKey")
    @SecurityRequirement(name = "BearerKey")
    @RequestBody(required = true, content = @Content(mediaType = NDJSON,
            examples = @ExampleObject(name = "two-articles", ref = "bulk-two-articles")))
    @APIResponse(responseCode = "200", description = "Result lines, then {\"summary\": {…}}",
            content = @Content(mediaType = NDJSON, examples = @ExampleObject(name = "one-stored-one-rejected", ref = "bulk-results")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "DatabaseUnavailable")
    public StreamingOutput ingest(InputStream body) throws SQLException {
        bulkIngestor.requireDatabase();
        return output -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String status : new String[] {"created", "near_duplicate", "duplicate", "rejected"}) {
                counts.put(status, 0);
            }
            int[] lines = {0};
            bulkIngestor.ingest(body, result -> {
                lines[0]++;
                counts.merge(result.status(), 1, Integer::sum);
                writeLine(output, BulkResultLine.of(result));
            });
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("lines", lines[0]);
            summary.putAll(counts);
            writeLine(output, Map.of("summary", summary));
        };
    }

    private void writeLine(OutputStream output, Object line) {
        try {
            output.write(json.writeValueAsBytes(line));
            output.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("The client stopped reading the results", e);
        }
    }
}
