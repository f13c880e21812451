package org.newslens.nlp.service;

/**
 * A worker tried to complete a job whose lease it no longer holds: the lease ran out and another
 * worker took the job over. Nothing of this attempt is stored; the other worker's attempt counts.
 */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(long articleId) {
        super("The lease on article " + articleId + "'s job was taken over by another worker");
    }
}
