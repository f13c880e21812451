package org.newslens.nlp.domain;

import org.newslens.nlp.pipeline.Findings.FramingMarker;
import org.newslens.nlp.pipeline.Findings.Keyphrase;
import org.newslens.nlp.pipeline.Findings.Quantity;
import org.newslens.nlp.pipeline.Findings.Quote;
import org.newslens.nlp.pipeline.Findings.SentenceTone;
import org.newslens.nlp.pipeline.Findings.Tone;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An article's enrichment as stored: the nlp.enrichments row, its entities with this article's mentions,
 * and the analysis column. Analysis fields are empty (tone null) where the enrichment predates them.
 */
public record StoredEnrichment(long articleId, int pipelineVersion, String language, List<String> stages,
                               OffsetDateTime enrichedAt, List<StoredEntity> entities, List<Keyphrase> keyphrases,
                               List<String> summary, Tone tone, List<SentenceTone> sentenceTones,
                               List<FramingMarker> framing, List<Quote> quotes, List<Quantity> quantities) {

    /** An entity of the article: its aliases are the forms this article uses, its tone the article's tone toward it. */
    public record StoredEntity(long id, String canonical, String type, String kbId, List<String> aliases,
                               List<StoredMention> mentions, Tone tone) {
    }

    /** A span of the article's text (UTF-16 offsets, end exclusive). */
    public record StoredMention(String text, int start, int end) {
    }
}
