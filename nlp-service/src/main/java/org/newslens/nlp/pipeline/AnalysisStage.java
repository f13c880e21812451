package org.newslens.nlp.pipeline;

/**
 * One step of the analysis. A stage reads what earlier stages put on the {@link Document} and adds its
 * own results; adding a stage never requires changing another.
 */
public interface AnalysisStage {

    /** Short stable name, recorded on every enrichment that this stage took part in. */
    String name();

    /** Whether this stage can work on the document as earlier stages left it (e.g. its language). */
    default boolean appliesTo(Document document) {
        return true;
    }

    void apply(Document document);
}
