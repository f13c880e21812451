package org.newslens.ingest.feed;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Chooses this replica's {@link SingletonGuard} from {@code newslens.leader-election.mode}. Only the
 * chosen guard is created, so outside a cluster no Kubernetes client is built. Created at startup so
 * that a Lease election is running before the first tick.
 */
@Singleton
class SingletonGuardSelector {

    private static final Logger LOG = Logger.getLogger(SingletonGuardSelector.class);

    @Produces
    @Singleton
    @Startup
    SingletonGuard singletonGuard(SingletonGuardConfig config, Instance<KubernetesLeaseGuard> lease,
            Instance<AdvisoryLockGuard> advisoryLock) {
        SingletonGuardConfig.Mode mode = config.mode().resolve(System.getenv());
        LOG.infof("Singleton work (feed polling) is guarded by %s",
                mode == SingletonGuardConfig.Mode.LEASE ? "a Kubernetes Lease" : "a PostgreSQL advisory lock");
        return mode == SingletonGuardConfig.Mode.LEASE ? lease.get() : advisoryLock.get();
    }
}
