package org.newslens.nlp.pipeline;

/** The entity types stored in nlp.entities (its CHECK constraint lists the same four). */
public enum EntityType {
    PERSON, ORGANIZATION, LOCATION, MISC
}
