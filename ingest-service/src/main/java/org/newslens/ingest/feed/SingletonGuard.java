package org.newslens.ingest.feed;

/**
 * Runs work that exactly one replica of the service may do at a time, such as polling feeds. Inside
 * Kubernetes the replica that holds a Lease does it ({@link KubernetesLeaseGuard}); elsewhere a
 * PostgreSQL advisory lock taken for each run decides ({@link AdvisoryLockGuard}).
 * {@link SingletonGuardSelector} picks one from {@code newslens.leader-election.mode}.
 */
public interface SingletonGuard {

    /**
     * Runs {@code work} here if this replica is the one that may do {@code task} right now (it holds
     * the task's lock, or it is the elected leader), and skips it otherwise. Callers call this on every
     * tick: being skipped once says nothing about the next tick.
     *
     * @return true if the work ran here, false if it was skipped (another replica holds the task, or
     *         whether one does could not be decided)
     */
    boolean runExclusively(String task, Runnable work);
}
