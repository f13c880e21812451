package org.newslens.nlp.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newslens.nlp.domain.StoredEnrichment;
import org.newslens.nlp.domain.StoredEnrichment.StoredEntity;
import org.newslens.nlp.pipeline.Findings.FramingMarker;
import org.newslens.nlp.pipeline.Findings.Keyphrase;
import org.newslens.nlp.pipeline.Findings.Quantity;
import org.newslens.nlp.pipeline.Findings.Quote;
import org.newslens.nlp.pipeline.Findings.SentenceTone;
import org.newslens.nlp.pipeline.Findings.Tone;
import org.newslens.nlp.rest.AnalyzeResponse.MentionView;

import java.time.OffsetDateTime;
import java.util.List;

@Schema(name = "ArticleAnalysis", description = "An article's stored enrichment; the analysis fields are named as in AnalyzeResponse")
public record ArticleAnalysisResponse(
        @Schema(example = "4711") long articleId,
        @Schema(description = "Pipeline version that wrote it (newslens.nlp.pipeline-version)", example = "1") int pipelineVersion,
        @Schema(description = "ISO 639-1 code (ISO 639-3 where there is none); und when undetermined", example = "en") String language,
        @Schema(description = "The pipeline stages that ran, in order") List<String> stages,
        @Schema(description = "When this enrichment was written") OffsetDateTime enrichedAt,
        @Schema(description = "Entities in order of first mention") List<StoredEntityView> entities,
        List<Keyphrase> keyphrases,
        List<String> summary,
        Tone tone,
        List<SentenceTone> sentenceTones,
        List<FramingMarker> framing,
        List<Quote> quotes,
        List<Quantity> quantities) {

    @Schema(name = "StoredEntity", description = "One entity of the article, with its id in nlp.entities and its mentions in this article")
    public record StoredEntityView(
            @Schema(description = "Id in nlp.entities, shared by every article that mentions the entity", example = "17") long id,
            @Schema(example = "Antony Blinken") String canonical,
            @Schema(enumeration = {"PERSON", "ORGANIZATION", "LOCATION", "MISC"}, example = "PERSON") String type,
            @Schema(description = "Wikidata id where the knowledge base knows the entity, else null", example = "Q30") String kbId,
            @Schema(description = "Every form this article uses for it", example = "[\"Antony Blinken\", \"Blinken\"]") List<String> aliases,
            List<MentionView> mentions,
            @Schema(description = "Tone of the sentences that mention it; null where tone did not run") Tone tone) {
    }

    static ArticleAnalysisResponse of(StoredEnrichment e) {
        return new ArticleAnalysisResponse(e.articleId(), e.pipelineVersion(), e.language(), e.stages(), e.enrichedAt(),
                e.entities().stream().map(ArticleAnalysisResponse::view).toList(), e.keyphrases(), e.summary(), e.tone(),
                e.sentenceTones(), e.framing(), e.quotes(), e.quantities());
    }

    private static StoredEntityView view(StoredEntity entity) {
        return new StoredEntityView(entity.id(), entity.canonical(), entity.type(), entity.kbId(), entity.aliases(),
                entity.mentions().stream().map(m -> new MentionView(m.text(), m.start(), m.end())).toList(), entity.tone());
    }
}
