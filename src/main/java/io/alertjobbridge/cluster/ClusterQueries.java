package io.alertjobbridge.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.alertjobbridge.store.ActionStore;
import io.alertjobbridge.store.InstanceStore;

/** GET /api/v1/cluster: the instances sharing the database, which are live, and the actions each holds. */
public final class ClusterQueries {

    private final ClusterMembership membership;
    private final InstanceStore instances;
    private final ActionStore actions;
    private final LongSupplier clock;

    public ClusterQueries(ClusterMembership membership, InstanceStore instances, ActionStore actions, LongSupplier clock) {
        this.membership = membership;
        this.instances = instances;
        this.actions = actions;
        this.clock = clock;
    }

    public Map<String, Object> view() {
        long now = clock.getAsLong();
        Map<String, Integer> held = actions.inFlightByOwner();
        List<Map<String, Object>> list = new ArrayList<>();
        for (InstanceStore.Instance i : instances.all()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", i.id());
            v.put("host", i.host());
            v.put("live", i.liveAt(now, membership.leaseMs()));
            v.put("started_at", Instant.ofEpochMilli(i.startedAt()).toString());
            v.put("heartbeat_at", Instant.ofEpochMilli(i.heartbeatAt()).toString());
            v.put("stopped_at", i.stoppedAt() == null ? null : Instant.ofEpochMilli(i.stoppedAt()).toString());
            v.put("leased_actions", held.getOrDefault(i.id(), 0));
            list.add(v);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("this_instance", membership.instanceId());
        out.put("lease_ms", membership.leaseMs());
        out.put("live_instances", membership.liveInstances());
        out.put("unleased_actions", held.getOrDefault(null, 0));
        out.put("instances", list);
        return out;
    }
}
