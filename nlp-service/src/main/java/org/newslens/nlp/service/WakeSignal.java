package org.newslens.nlp.service;

import java.time.Duration;

/**
 * Lets idle workers sleep until woken or timed out. A worker notes the generation before it looks for
 * work, so a wake-up that arrives while it is looking is not lost.
 */
final class WakeSignal {

    private long generation;

    synchronized long generation() {
        return generation;
    }

    synchronized void wake() {
        generation++;
        notifyAll();
    }

    /** Returns once woken after {@code seen}, or after {@code timeout}. */
    synchronized void awaitAfter(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (generation == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
