package org.newslens.nlp.pipeline;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Loads the shipped knowledge base once for every stage that consults it. */
public class KnowledgeBaseProducer {

    @Produces
    @Singleton
    KnowledgeBase knowledgeBase() {
        return KnowledgeBase.load();
    }
}
