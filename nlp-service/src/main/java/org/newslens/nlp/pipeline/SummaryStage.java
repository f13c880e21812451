package org.newslens.nlp.pipeline;

import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * An extractive summary: the two sentences (three in texts of eight sentences or more) whose content
 * words are the document's most frequent ones, with a bonus for the lead sentence, as news puts the
 * point first; returned in text order. Very short and very long sentences are not candidates.
 */
@Singleton
public class SummaryStage implements AnalysisStage {

    private static final int MIN_TOKENS = 6;
    private static final int MAX_TOKENS = 60;

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public boolean appliesTo(Document document) {
        return !document.sentences().isEmpty();
    }

    @Override
    public void apply(Document document) {
        List<Sentence> sentences = document.sentences();
        Map<String, Integer> frequencies = ContentWords.frequencies(document.tokens());
        int wanted = sentences.size() >= 8 ? 3 : 2;
        double[] scores = new double[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            List<Token> tokens = sentences.get(i).tokens();
            List<Token> content = tokens.stream().filter(ContentWords::isContent).toList();
            if (tokens.size() < MIN_TOKENS || tokens.size() > MAX_TOKENS || content.isEmpty()) {
                scores[i] = -1;
                continue;
            }
            double weight = content.stream().mapToInt(t -> frequencies.getOrDefault(ContentWords.key(t), 1) - 1).sum();
            scores[i] = weight / Math.sqrt(content.size()) * (i == 0 ? 1.5 : 1.0);
        }
        List<String> summary = IntStream.range(0, sentences.size())
                .filter(i -> scores[i] >= 0)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> scores[i]).reversed())
                .limit(wanted)
                .sorted()
                .map(i -> sentences.get(i).text(document.text()).strip())
                .toList();
        document.setSummary(summary.isEmpty() && !sentences.isEmpty()
                ? List.of(sentences.get(0).text(document.text()).strip()) : summary);
    }
}
