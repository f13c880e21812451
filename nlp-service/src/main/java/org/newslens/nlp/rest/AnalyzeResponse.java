package org.newslens.nlp.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newslens.nlp.pipeline.Document;
import org.newslens.nlp.pipeline.Entity;
import org.newslens.nlp.pipeline.Findings.FramingMarker;
import org.newslens.nlp.pipeline.Findings.Keyphrase;
import org.newslens.nlp.pipeline.Findings.Quantity;
import org.newslens.nlp.pipeline.Findings.Quote;
import org.newslens.nlp.pipeline.Findings.SentenceTone;
import org.newslens.nlp.pipeline.Findings.Tone;
import org.newslens.nlp.pipeline.Mention;

import java.util.List;

@Schema(name = "AnalyzeResponse", description = "What the pipeline found in the text. Stages that did not run leave their fields empty (tone null).")
public record AnalyzeResponse(
        @Schema(description = "ISO 639-1 code (ISO 639-3 where there is none); und when undetermined", example = "en") String language,
        @Schema(description = "The pipeline stages that ran, in order",
                example = "[\"language\", \"ner\", \"gazetteer\", \"canonicalize\", \"keyphrases\", \"summary\", \"tone\", \"framing\", \"quotes\", \"quantities\", \"embedding\"]") List<String> stages,
        @Schema(description = "Number of sentences", example = "2") int sentences,
        @Schema(description = "Number of tokens", example = "18") int tokens,
        List<EntityView> entities,
        @Schema(description = "Salient topics, best first; the best scores 1") List<Keyphrase> keyphrases,
        @Schema(description = "Extractive summary: two or three sentences of the text, in text order") List<String> summary,
        @Schema(description = "Document tone in [-1, 1] with its label and the words that moved it") Tone tone,
        @Schema(description = "Tone of each sentence; start/end are the sentence's offsets") List<SentenceTone> sentenceTones,
        @Schema(description = "Loaded labels, emotive adjectives, scare quotes and agentless casualty phrasing") List<FramingMarker> framing,
        @Schema(description = "Direct and reported speech with the speaker's canonical name") List<Quote> quotes,
        @Schema(description = "Numbers with what they count") List<Quantity> quantities,
        @Schema(description = "The embedding computed for title and text (the vector itself: POST /api/v1/embed, or nlp.embeddings for articles); null where the stage did not run")
        EmbeddingView embedding) {

    @Schema(name = "EmbeddingInfo", description = "Which embedding was computed")
    public record EmbeddingView(
            @Schema(example = "all-minilm-l6-v2-q") String model,
            @Schema(example = "384") int dimensions) {
    }

    @Schema(name = "Entity", description = "One entity, with all its mentions merged under one canonical name")
    public record EntityView(
            @Schema(example = "Antony Blinken") String canonical,
            @Schema(enumeration = {"PERSON", "ORGANIZATION", "LOCATION", "MISC"}, example = "PERSON") String type,
            @Schema(description = "Every form the text uses for it", example = "[\"Antony Blinken\", \"Blinken\"]") List<String> aliases,
            List<MentionView> mentions,
            @Schema(description = "Wikidata id where the knowledge base knows the entity, else null", example = "Q30") String kbId,
            @Schema(description = "Tone of the sentences that mention it; null where tone did not run") Tone tone) {
    }

    @Schema(name = "Mention", description = "A span of the request's text: text.substring(start, end) (UTF-16 offsets)")
    public record MentionView(
            @Schema(example = "Antony Blinken") String text,
            @Schema(example = "0") int start,
            @Schema(example = "14") int end) {
    }

    static AnalyzeResponse of(Document document) {
        return new AnalyzeResponse(document.language(), document.stagesRun(), document.sentences().size(), document.tokenCount(),
                document.entities().stream().map(e -> view(e, document)).toList(),
                document.keyphrases(), document.summary(), document.tone(), document.sentenceTones(),
                document.framing(), document.quotes(), document.quantities(),
                document.embedding() == null ? null
                        : new EmbeddingView(document.embedding().model(), document.embedding().dimensions()));
    }

    private static EntityView view(Entity entity, Document document) {
        return new EntityView(entity.canonical(), entity.type().name(), entity.aliases(),
                entity.mentions().stream().map(AnalyzeResponse::view).toList(), entity.kbId(),
                document.entityTones().get(entity));
    }

    private static MentionView view(Mention mention) {
        return new MentionView(mention.text(), mention.start(), mention.end());
    }
}
