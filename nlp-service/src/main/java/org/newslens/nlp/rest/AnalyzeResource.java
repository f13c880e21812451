package org.newslens.nlp.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newslens.nlp.service.InvalidInputException;
import org.newslens.nlp.service.TextAnalyzer;

@Path("/api/v1/analyze")
@Tag(name = "Analysis")
public class AnalyzeResource {

    private final TextAnalyzer analyzer;

    AnalyzeResource(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Analyse a text",
            description = "Runs the whole pipeline on the text: language; for English, entities with canonical names, aliases and "
                    + "mentions, keyphrases, summary, tone with its evidence, framing markers, quotes and quantities; the "
                    + "embedding's model. Stores nothing.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AnalyzeResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing text or malformed JSON; the problem names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Text over the size limit (newslens.nlp.max-text-bytes)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Models still loading; retry after the Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AnalyzeResponse analyze(AnalyzeRequest request) {
        if (request == null) {
            throw InvalidInputException.invalid("text", "The body is empty. Send a JSON object such as {\"text\": \"…\"}.");
        }
        return AnalyzeResponse.of(analyzer.analyze(request.text(), request.title(), request.language()));
    }
}
