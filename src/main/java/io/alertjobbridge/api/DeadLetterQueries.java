package io.alertjobbridge.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.alertjobbridge.cluster.ClusterMembership;
import io.alertjobbridge.intake.BadRequestException;
import io.alertjobbridge.observe.BridgeMetrics;
import io.alertjobbridge.store.DeadLetter;
import io.alertjobbridge.store.DeadLetterStore;

/**
 * GET /api/v1/dead-letters and POST /api/v1/dead-letters/{id}/replay. A replay marks the letter
 * replayed and reopens its action in one transaction, then the route sends the original message on.
 */
public final class DeadLetterQueries {

    private final DeadLetterStore store;
    private final ClusterMembership cluster;
    private final BridgeMetrics metrics;

    public DeadLetterQueries(DeadLetterStore store, ClusterMembership cluster, BridgeMetrics metrics) {
        this.store = store;
        this.cluster = cluster;
        this.metrics = metrics;
    }

    public Map<String, Object> list(String status, String limit) {
        if (status != null && !status.isBlank() && !status.equals(DeadLetter.STORED) && !status.equals(DeadLetter.REPLAYED)) {
            throw BadRequestException.invalidField("status", "must be stored or replayed, got '" + status + "'");
        }
        List<Map<String, Object>> letters = new ArrayList<>();
        for (DeadLetter d : store.list(status == null || status.isBlank() ? null : status, ActionQueries.parseLimit(limit))) {
            letters.add(view(d));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dead_letters", letters);
        return out;
    }

    /**
     * Marks the letter replayed and reopens its action, held by this instance and due at once: the
     * dispatcher sends the original message (the action id) through the lifecycle again. 409 when it
     * was replayed already.
     */
    public Map<String, Object> replay(String id) {
        DeadLetter letter = store.find(id).orElseThrow(() -> new NotFoundException("no dead letter with id '" + id + "'"));
        if (!store.markReplayed(letter, cluster.instanceId())) {
            throw new BadRequestException(409, "already_replayed", null, "dead letter '" + id + "' was replayed already");
        }
        metrics.deadLetter("replayed");
        return view(store.find(id).orElseThrow(() -> new NotFoundException("no dead letter with id '" + id + "'")));
    }

    static Map<String, Object> view(DeadLetter d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", d.id());
        v.put("action_id", d.actionId());
        v.put("action_status", d.actionStatus());
        v.put("route_id", d.routeId());
        v.put("endpoint", d.endpoint());
        v.put("error", d.error());
        v.put("body", d.body());
        v.put("status", d.status());
        v.put("created_at", ActionView.time(d.createdAt()));
        v.put("replayed_at", ActionView.time(d.replayedAt()));
        return v;
    }
}
