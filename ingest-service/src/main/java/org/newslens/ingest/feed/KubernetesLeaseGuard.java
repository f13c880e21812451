package org.newslens.ingest.feed;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectorBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SingletonGuard} for replicas running in Kubernetes: they elect a leader through a
 * {@code coordination.k8s.io} Lease (fabric8 {@code LeaderElector} with a {@code LeaseLock}), and only
 * the leader does singleton work. The election runs on its own thread from startup; each tick only asks
 * whether this replica leads now. One Lease covers all singleton tasks of the service.
 *
 * <p>A leader that cannot renew within the renew deadline stops leading; one that crashes is replaced
 * once its Lease expires; one that shuts down releases the Lease so that another takes over at its next
 * retry. A replica that lost leadership stands for election again.
 */
@Singleton
@Typed(KubernetesLeaseGuard.class)
public class KubernetesLeaseGuard implements SingletonGuard {

    private static final Logger LOG = Logger.getLogger(KubernetesLeaseGuard.class);

    /** Where the Lease lives, who this replica is, and the election's timing. */
    record Lease(String namespace, String name, String identity, Duration leaseDuration, Duration renewDeadline,
            Duration retryPeriod) {

        static Lease of(SingletonGuardConfig config, KubernetesClient client) {
            String namespace = config.namespace().or(() -> Optional.ofNullable(client.getNamespace())).orElse("default");
            String identity = config.identity().orElseGet(KubernetesLeaseGuard::hostName);
            return new Lease(namespace, config.leaseName(), identity, config.leaseDuration(), config.renewDeadline(),
                    config.retryPeriod());
        }
    }

    private final KubernetesClient client;
    private final Lease lease;
    private final LeaderElectionConfig electionConfig;
    private final ScheduledExecutorService executor;
    private volatile boolean leading;
    private boolean stopped;
    private CompletableFuture<?> election;

    @Inject
    KubernetesLeaseGuard(KubernetesClient client, SingletonGuardConfig config) {
        this(client, Lease.of(config, client));
    }

    KubernetesLeaseGuard(KubernetesClient client, Lease lease) {
        this.client = client;
        this.lease = lease;
        this.electionConfig = new LeaderElectionConfigBuilder()
                .withName(lease.name())
                .withLock(new LeaseLock(lease.namespace(), lease.name(), lease.identity()))
                .withLeaseDuration(lease.leaseDuration())
                .withRenewDeadline(lease.renewDeadline())
                .withRetryPeriod(lease.retryPeriod())
                .withReleaseOnCancel()
                .withLeaderCallbacks(new LeaderCallbacks(this::startedLeading, this::stoppedLeading,
                        leader -> LOG.debugf("Lease %s/%s is held by %s", lease.namespace(), lease.name(), leader)))
                .build();
        this.executor = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "lease-election-" + lease.name());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public boolean runExclusively(String task, Runnable work) {
        if (!leading) {
            return false;
        }
        // Leadership can end while the work runs (a lost renewal); feed polling tolerates a rare overlap
        // at a hand-over because stored articles are de-duplicated by canonical URL.
        work.run();
        return true;
    }

    /** Whether this replica holds the Lease now, as far as its last renewal knows. */
    public boolean isLeading() {
        return leading;
    }

    @PostConstruct
    synchronized void start() {
        LOG.infof("Standing for election as %s on Lease %s/%s", lease.identity(), lease.namespace(), lease.name());
        elect();
    }

    /** Stops standing for election and releases the Lease if this replica holds it. */
    @PreDestroy
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (election != null) {
            // cancelling releases the Lease (releaseOnCancel) before it returns
            election.cancel(true);
        }
        leading = false;
        executor.shutdown();
    }

    private synchronized void elect() {
        if (stopped) {
            return;
        }
        election = new LeaderElectorBuilder(client, executor).withConfig(electionConfig).build().start();
        election.whenComplete((ignored, failure) -> {
            if (failure != null && !stopped) {
                LOG.warnf("Leader election on Lease %s/%s failed (%s); standing again", lease.namespace(),
                        lease.name(), failure.getMessage());
            }
            // an elector ends when its leader loses the Lease; a new one competes again after a retry period
            scheduleElection();
        });
    }

    private synchronized void scheduleElection() {
        if (!stopped) {
            executor.schedule(this::elect, lease.retryPeriod().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void startedLeading() {
        leading = true;
        LOG.infof("%s now leads Lease %s/%s and does the singleton work", lease.identity(), lease.namespace(),
                lease.name());
    }

    private void stoppedLeading() {
        leading = false;
        LOG.infof("%s no longer leads Lease %s/%s", lease.identity(), lease.namespace(), lease.name());
    }

    /** This replica's identity where none is configured; it must differ between replicas. */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "ingest-service-" + UUID.randomUUID();
        }
    }
}
