package org.newslens.nlp.rest;

/** A retry was asked for a job that has not failed. */
class JobNotRetryableException extends RuntimeException {

    JobNotRetryableException(long articleId, String status) {
        super("The job of article " + articleId + " is " + status + ", not failed; only failed jobs can be retried.");
    }
}
