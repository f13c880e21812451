package org.newslens.nlp.pipeline;

/**
 * Invented test texts run through the stages before the one under test: CoreNLP (loaded once per test
 * run), the gazetteer and the canonicalizer with the shipped knowledge base.
 */
final class Analysed {

    static final KnowledgeBase KB = KnowledgeBase.load();
    private static CoreNlpRecognizer recognizer;

    private Analysed() {
    }

    static synchronized Document english(String text) {
        if (recognizer == null) {
            recognizer = new CoreNlpRecognizer();
            recognizer.load();
        }
        Document document = new Document(text, null, "en");
        document.setLanguage("en");
        new EntityRecognitionStage(recognizer).apply(document);
        new GazetteerStage(KB).apply(document);
        new EntityCanonicalizer(KB).apply(document);
        return document;
    }
}
