package io.alertjobbridge.cluster;

import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

import io.alertjobbridge.store.ActionStore;
import io.alertjobbridge.store.InstanceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This bridge's place among the bridges sharing the database. The database's own row locks are the
 * only coordinator: each instance heartbeats, and its heartbeat is the one lease over every action
 * it owns; the others take over the actions of an instance whose heartbeat is older than a lease.
 * One lease per instance, not per action, so renewing costs one row write however many jobs are in
 * flight (renewing 10,000 action rows every few seconds made the writes queue behind each other).
 * Every commit of a step still checks the owner column, so an instance that lost its actions
 * changes nothing. The live instances (heartbeat within one lease) also split the Job API budget
 * evenly, so their sum never exceeds it.
 */
public final class ClusterMembership {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMembership.class);

    private final String instanceId;
    private final String host;
    private final long leaseMs;
    private final int totalCallsPerSecond;
    private final InstanceStore instances;
    private final ActionStore actions;
    private final IntConsumer budgetShare;
    private final LongSupplier clock;
    private volatile long renewedAt;
    private volatile int liveInstances = 1;
    private volatile boolean stopping;

    public ClusterMembership(String instanceId, String host, long leaseMs, int totalCallsPerSecond,
                             InstanceStore instances, ActionStore actions, IntConsumer budgetShare, LongSupplier clock) {
        if (leaseMs < 1000) {
            throw new IllegalArgumentException("bridge.cluster.lease-ms must be at least 1000, got " + leaseMs);
        }
        this.instanceId = instanceId;
        this.host = host;
        this.leaseMs = leaseMs;
        this.totalCallsPerSecond = totalCallsPerSecond;
        this.instances = instances;
        this.actions = actions;
        this.budgetShare = budgetShare;
        this.clock = clock;
    }

    public String instanceId() {
        return instanceId;
    }

    public long leaseMs() {
        return leaseMs;
    }

    public void join() {
        instances.register(instanceId, host);
        renew();
        LOG.info("Instance {} joined: {} live instance(s) share the work and {} Job API calls per second",
                instanceId, liveInstances, totalCallsPerSecond);
    }

    /** Heartbeat (which renews the lease on every held action) and budget share; runs every third of a lease. */
    public void renew() {
        if (stopping) {
            return;
        }
        long now = clock.getAsLong();
        if (!instances.heartbeat(instanceId)) {
            // Our row is gone (deleted by hand): register again rather than look dead forever.
            instances.register(instanceId, host);
        }
        renewedAt = now;
        int live = instances.liveCount(leaseMs);
        if (live != liveInstances) {
            LOG.info("Instance {}: {} live instance(s) now; this one holds {} action(s) and may make {} Job API"
                    + " calls per second", instanceId, live, actions.countHeld(instanceId), share(live));
        }
        liveInstances = live;
        budgetShare.accept(share(live));
    }

    int share(int live) {
        return Math.max(1, totalCallsPerSecond / Math.max(1, live));
    }

    /**
     * True while this instance's leases are surely still its own: renewed less than two thirds of a
     * lease ago. Past that, another instance may be about to take its actions, so it starts no new step.
     */
    public boolean holdsLeases() {
        return !stopping && clock.getAsLong() - renewedAt < leaseMs * 2 / 3;
    }

    public int liveInstances() {
        return liveInstances;
    }

    /** Instances whose last heartbeat is older than this are dead: their actions may be taken over. */
    public long liveSince() {
        return clock.getAsLong() - leaseMs;
    }

    /**
     * On a graceful stop: mark this instance stopped, so the others take its actions over at once
     * instead of after a lease (and a restart with the same id resumes whatever is still left).
     */
    public void leave() {
        stopping = true;
        instances.stopped(instanceId);
        LOG.info("Instance {} left the cluster; the other instances take over its {} in-flight action(s)", instanceId,
                actions.countHeld(instanceId));
    }

    public boolean stopping() {
        return stopping;
    }
}
