package org.newslens.ingest.service;

import java.time.Duration;

/**
 * The time an HTML extraction may take. Parsing and Readability check it as they go (per chunk read,
 * per element visited), so an extraction that runs out stops on its own thread: nothing keeps running
 * after the request has been answered.
 */
final class ExtractionDeadline {

    private final long deadline;
    private final Duration allowed;

    ExtractionDeadline(Duration allowed) {
        this.allowed = allowed;
        this.deadline = System.nanoTime() + allowed.toNanos();
    }

    void check() {
        if (System.nanoTime() - deadline > 0) {
            throw InvalidInputException.invalid("html", "Extracting the article from html took longer than "
                    + allowed.toMillis() + " ms (newslens.ingest.html.max-time), so it was stopped. Send the article "
                    + "body as text, or a simpler page.");
        }
    }
}
