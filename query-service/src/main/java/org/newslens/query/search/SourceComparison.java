package org.newslens.query.search;

import java.util.List;
import java.util.Map;

/**
 * How one source covered the match set: articles, mean tone (null when none has one), framing markers
 * by category, and the quantities its articles reported (how many, and the most frequent).
 */
public record SourceComparison(String source, long articles, Double meanTone, Map<String, Long> framing,
                               long quantities, List<ReportedQuantity> topQuantities) {

    /** A quantity as written ("10,000 casualties") and how many of the source's matching articles state it. */
    public record ReportedQuantity(String text, String noun, double value, long articles) {
    }
}
