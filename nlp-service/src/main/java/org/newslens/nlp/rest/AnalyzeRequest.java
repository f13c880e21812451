package org.newslens.nlp.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AnalyzeRequest", description = "A text to analyse. Only text is required.")
public record AnalyzeRequest(
        @Schema(required = true, example = "Antony Blinken met Mohammed Shia' al-Sudani in Baghdad. Blinken later flew to Ankara.") String text,
        @Schema(description = "Helps language identification of short texts; not analysed for entities", example = "Blinken in Baghdad") String title,
        @Schema(description = "ISO 639 code the sender believes the text is in; used when the text is too short to tell", example = "en") String language) {
}
