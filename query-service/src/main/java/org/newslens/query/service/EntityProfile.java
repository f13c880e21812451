package org.newslens.query.service;

import java.time.LocalDate;
import java.util.List;

/** Everything the entity page shows about one entity, read from PostgreSQL (nlp.*, ingest.*) and the search index. */
public record EntityProfile(EntitySummaryRow entity, List<DailyMentions> mentions, List<CoOccurrence> coOccurring,
                            List<DailyTone> tone, List<SourceCount> sources) {

    /** Mentions and distinct articles on one UTC day (publication time, else ingestion time). */
    public record DailyMentions(LocalDate day, long mentions, long articles) {
    }

    /** Another entity and the number of articles that mention both. */
    public record CoOccurrence(long id, String canonical, String type, long articles) {
    }

    /** Mean tone toward the entity on one day, with a few of the words that set it. */
    public record DailyTone(LocalDate day, double meanTone, long articles, List<Evidence> evidence) {
    }

    /** A span of an article's text that moved the tone toward the entity; offsets are UTF-16, end exclusive. */
    public record Evidence(long articleId, String text, int start, int end, double weight) {
    }

    public record SourceCount(String source, long articles) {
    }
}
