package org.newslens.ingest.feed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** How replicas agree on which one does the singleton work (feed polling). */
@ConfigMapping(prefix = "newslens.leader-election")
public interface SingletonGuardConfig {

    /** Which {@link SingletonGuard} this replica uses; see {@link Mode}. */
    @WithDefault("auto")
    Mode mode();

    /** Namespace of the Lease; unset: the client's namespace (POD_NAMESPACE in the manifests), else "default". */
    Optional<String> namespace();

    /** Name of the Lease object, the same on every replica. */
    @WithDefault("newslens-ingest-feed-poller")
    String leaseName();

    /** This replica's name in the Lease; unset: POD_NAME in the manifests, else the host name. */
    Optional<String> identity();

    /** How long a Lease stays valid without renewal; a crashed leader is replaced after this. */
    @WithDefault("15s")
    Duration leaseDuration();

    /** How long the leader keeps trying to renew before it gives leadership up; shorter than the lease duration. */
    @WithDefault("10s")
    Duration renewDeadline();

    /** How often the leader renews and the others try to acquire. */
    @WithDefault("2s")
    Duration retryPeriod();

    enum Mode {
        /** A Kubernetes Lease when running in a cluster (KUBERNETES_SERVICE_HOST is set), else the advisory lock. */
        AUTO,
        /** Leader election with a coordination.k8s.io Lease ({@link KubernetesLeaseGuard}). */
        LEASE,
        /** A PostgreSQL advisory lock taken per tick ({@link AdvisoryLockGuard}). */
        ADVISORY_LOCK;

        /** The guard to use in an environment with these variables: LEASE or ADVISORY_LOCK, never AUTO. */
        public Mode resolve(Map<String, String> environment) {
            if (this != AUTO) {
                return this;
            }
            return environment.containsKey("KUBERNETES_SERVICE_HOST") ? LEASE : ADVISORY_LOCK;
        }
    }
}
