package org.newslens.nlp.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newslens.nlp.pipeline.Document;
import org.newslens.nlp.pipeline.Entity;
import org.newslens.nlp.pipeline.Mention;

import java.util.List;

@Schema(name = "AnalyzeResponse", description = "What the pipeline found in the text")
public record AnalyzeResponse(
        @Schema(description = "ISO 639-1 code (ISO 639-3 where there is none); und when undetermined", example = "en") String language,
        @Schema(description = "The pipeline stages that ran, in order", example = "[\"language\", \"ner\", \"canonicalize\"]") List<String> stages,
        @Schema(example = "2") int sentences,
        @Schema(example = "18") int tokens,
        List<EntityView> entities) {

    @Schema(name = "Entity", description = "One entity, with all its mentions merged under one canonical name")
    public record EntityView(
            @Schema(example = "Antony Blinken") String canonical,
            @Schema(enumeration = {"PERSON", "ORGANIZATION", "LOCATION", "MISC"}, example = "PERSON") String type,
            @Schema(description = "Every form the text uses for it", example = "[\"Antony Blinken\", \"Blinken\"]") List<String> aliases,
            List<MentionView> mentions) {
    }

    @Schema(name = "Mention", description = "A span of the request's text: text.substring(start, end) (UTF-16 offsets)")
    public record MentionView(
            @Schema(example = "Antony Blinken") String text,
            @Schema(example = "0") int start,
            @Schema(example = "14") int end) {
    }

    static AnalyzeResponse of(Document document) {
        return new AnalyzeResponse(document.language(), document.stagesRun(), document.sentences(), document.tokens(),
                document.entities().stream().map(AnalyzeResponse::view).toList());
    }

    private static EntityView view(Entity entity) {
        return new EntityView(entity.canonical(), entity.type().name(), entity.aliases(),
                entity.mentions().stream().map(AnalyzeResponse::view).toList());
    }

    private static MentionView view(Mention mention) {
        return new MentionView(mention.text(), mention.start(), mention.end());
    }
}
