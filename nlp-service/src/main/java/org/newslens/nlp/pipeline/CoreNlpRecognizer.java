package org.newslens.nlp.pipeline;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Stanford CoreNLP in its "fast" configuration: the 3-class CRF without SUTime, numeric or
 * fine-grained classifiers, and no regexner, about ten times faster than the default on news text.
 * Only English models ship with the service.
 */
@Singleton
public class CoreNlpRecognizer implements NamedEntityRecognizer {

    private volatile StanfordCoreNLP pipeline;

    @Override
    public void load() {
        pipeline = new StanfordCoreNLP(fastConfiguration());
    }

    /** The pipeline's properties; public so that the benchmark's bare-CoreNLP baseline measures exactly these. */
    public static Properties fastConfiguration() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        props.setProperty("pos.model", "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger");
        props.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.applyNumericClassifiers", "false");
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.additional.regexner.mapping", "");
        props.setProperty("ner.buildEntityMentions", "true");
        return props;
    }

    @Override
    public boolean supports(String language) {
        return "en".equals(language);
    }

    @Override
    public Recognition recognize(String text) {
        CoreDocument document = new CoreDocument(text);
        pipeline.annotate(document);
        List<Mention> mentions = new ArrayList<>();
        for (CoreEntityMention mention : document.entityMentions()) {
            int start = mention.charOffsets().first();
            int end = mention.charOffsets().second();
            mentions.add(new Mention(text.substring(start, end), typeOf(mention.entityType()), start, end));
        }
        List<Sentence> sentences = new ArrayList<>();
        for (CoreSentence sentence : document.sentences()) {
            List<Token> tokens = new ArrayList<>();
            for (CoreLabel token : sentence.tokens()) {
                tokens.add(new Token(token.word(), token.lemma(), token.tag(), token.beginPosition(), token.endPosition()));
            }
            sentences.add(new Sentence(sentence.charOffsets().first(), sentence.charOffsets().second(), tokens));
        }
        return new Recognition(sentences, mentions);
    }

    private static EntityType typeOf(String tag) {
        return switch (tag) {
            case "PERSON" -> EntityType.PERSON;
            case "ORGANIZATION" -> EntityType.ORGANIZATION;
            case "LOCATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE" -> EntityType.LOCATION;
            default -> EntityType.MISC;
        };
    }
}
