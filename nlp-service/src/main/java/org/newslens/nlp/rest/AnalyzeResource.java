package org.newslens.nlp.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
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
    @Operation(operationId = "analyzeText", summary = "Analyse a text",
            description = "Runs the whole pipeline on the text: language; for English, entities with canonical names, aliases and "
                    + "mentions, keyphrases, summary, tone with its evidence, framing markers, quotes and quantities; the "
                    + "embedding's model. Stores nothing.")
    @SecurityRequirement(name = "ApiKey")
    @SecurityRequirement(name = "BearerKey")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AnalyzeRequest.class),
            examples = @ExampleObject(name = "article", value = ApiExamples.ANALYZE_REQUEST)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AnalyzeResponse.class),
            examples = @ExampleObject(name = "analysis", value = ApiExamples.ANALYZE_RESPONSE)))
    @APIResponse(responseCode = "400", ref = "InvalidText")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "413", ref = "TextTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "503", ref = "ModelsNotReady")
    public AnalyzeResponse analyze(AnalyzeRequest request) {
        if (request == null) {
            throw InvalidInputException.invalid("text", "The body is empty. Send a JSON object such as {\"text\": \"…\"}.");
        }
        return AnalyzeResponse.of(analyzer.analyze(request.text(), request.title(), request.language()));
    }
}
