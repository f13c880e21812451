package org.newslens.ingest.feed;

/**
 * Runs work that exactly one replica of the service may do at a time, such as polling feeds. The
 * default implementation is a PostgreSQL advisory lock ({@link AdvisoryLockGuard}); inside Kubernetes
 * a Lease-based leader election can take its place by providing another bean of this type.
 */
public interface SingletonGuard {

    /**
     * Runs {@code work} if no other replica is running {@code task} right now.
     *
     * @return true if the work ran here, false if it was skipped (another replica holds the task, or
     *         whether one does could not be decided)
     */
    boolean runExclusively(String task, Runnable work);
}
