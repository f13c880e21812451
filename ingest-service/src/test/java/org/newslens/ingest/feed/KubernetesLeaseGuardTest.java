package org.newslens.ingest.feed;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.newslens.ingest.PostgresTestResource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leader election through a Lease, against the fabric8 mock API server in CRUD mode. The application
 * runs in lease mode as replica "replica-a"; the tests add replicas of their own.
 */
@QuarkusTest
@TestProfile(KubernetesLeaseGuardTest.LeaseMode.class)
@WithTestResource(PostgresTestResource.class)
@WithKubernetesTestServer(crud = true)
class KubernetesLeaseGuardTest {

    private static final String NAMESPACE = "test";
    // longer than any wait below, so a hand-over within a wait comes from the release, not from expiry
    private static final Duration LEASE_DURATION = Duration.ofSeconds(10);
    private static final Duration RENEW_DEADLINE = Duration.ofSeconds(5);
    private static final Duration RETRY_PERIOD = Duration.ofMillis(200);
    private static final Duration WAIT = Duration.ofSeconds(5);

    public static class LeaseMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newslens.leader-election.mode", "lease",
                    "newslens.leader-election.namespace", NAMESPACE,
                    "newslens.leader-election.identity", "replica-a",
                    "newslens.leader-election.lease-duration", "10s",
                    "newslens.leader-election.renew-deadline", "5s",
                    "newslens.leader-election.retry-period", "200ms");
        }
    }

    @Inject
    KubernetesClient client;
    @Inject
    SingletonGuard guard;

    @Test
    void inLeaseModeTheApplicationElectsItselfAtStartupAndAnotherReplicaWaits() throws InterruptedException {
        KubernetesLeaseGuard application = assertInstanceOf(KubernetesLeaseGuard.class, guard);
        awaitTrue(application::isLeading, "the application's replica never became leader");
        assertEquals("replica-a", holderOf("newslens-ingest-feed-poller"));

        KubernetesLeaseGuard other = replica("replica-b", "newslens-ingest-feed-poller");
        other.start();
        try {
            Thread.sleep(RETRY_PERIOD.multipliedBy(5).toMillis());
            assertTrue(application.isLeading());
            assertFalse(other.isLeading());
            assertEquals("replica-a", holderOf("newslens-ingest-feed-poller"));

            AtomicBoolean ranOnLeader = new AtomicBoolean();
            AtomicBoolean ranOnOther = new AtomicBoolean();
            assertTrue(application.runExclusively(FeedPoller.TASK, () -> ranOnLeader.set(true)));
            assertFalse(other.runExclusively(FeedPoller.TASK, () -> ranOnOther.set(true)));
            assertTrue(ranOnLeader.get());
            assertFalse(ranOnOther.get(), "a replica that does not lead ran the singleton work");
        } finally {
            other.stop();
        }
    }

    @Test
    void exactlyOneOfTwoReplicasLeadsAndTheOtherTakesOverWhenItStops() throws InterruptedException {
        String leaseName = "election-" + UUID.randomUUID();
        KubernetesLeaseGuard first = replica("replica-1", leaseName);
        KubernetesLeaseGuard second = replica("replica-2", leaseName);
        first.start();
        second.start();
        try {
            awaitTrue(() -> first.isLeading() || second.isLeading(), "neither replica became leader");
            Thread.sleep(RETRY_PERIOD.multipliedBy(5).toMillis());
            assertNotEquals(first.isLeading(), second.isLeading(), "exactly one replica must lead");

            KubernetesLeaseGuard leader = first.isLeading() ? first : second;
            KubernetesLeaseGuard follower = leader == first ? second : first;
            String leaderIdentity = leader == first ? "replica-1" : "replica-2";
            String followerIdentity = leader == first ? "replica-2" : "replica-1";
            assertEquals(leaderIdentity, holderOf(leaseName));

            leader.stop();
            assertFalse(leader.isLeading());
            assertFalse(leader.runExclusively(FeedPoller.TASK, () -> { }));
            awaitTrue(follower::isLeading, "the other replica did not take over the released Lease");
            assertEquals(followerIdentity, holderOf(leaseName));
            assertTrue(follower.runExclusively(FeedPoller.TASK, () -> { }));
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void autoModeUsesALeaseOnlyInsideKubernetes() {
        assertEquals(SingletonGuardConfig.Mode.LEASE,
                SingletonGuardConfig.Mode.AUTO.resolve(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1")));
        assertEquals(SingletonGuardConfig.Mode.ADVISORY_LOCK, SingletonGuardConfig.Mode.AUTO.resolve(Map.of()));
        assertEquals(SingletonGuardConfig.Mode.ADVISORY_LOCK,
                SingletonGuardConfig.Mode.ADVISORY_LOCK.resolve(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1")));
        assertEquals(SingletonGuardConfig.Mode.LEASE, SingletonGuardConfig.Mode.LEASE.resolve(Map.of()));
    }

    private KubernetesLeaseGuard replica(String identity, String leaseName) {
        return new KubernetesLeaseGuard(client, new KubernetesLeaseGuard.Lease(NAMESPACE, leaseName, identity,
                LEASE_DURATION, RENEW_DEADLINE, RETRY_PERIOD));
    }

    private String holderOf(String leaseName) {
        Lease lease = client.leases().inNamespace(NAMESPACE).withName(leaseName).get();
        assertTrue(lease != null, "no Lease " + NAMESPACE + "/" + leaseName);
        return lease.getSpec().getHolderIdentity();
    }

    private static void awaitTrue(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, failure);
            Thread.sleep(50);
        }
    }
}
