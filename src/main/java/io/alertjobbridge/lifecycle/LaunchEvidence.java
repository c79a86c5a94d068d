package io.alertjobbridge.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.store.ActionStore;

/**
 * What a get_job_instance_list answer says about one plan's launches: every instance of the plan in
 * the listing (kept as evidence), and which of them no action of ours records. The docs call the id
 * {@code id}, the server sends {@code job_instance_id}: both are read (section 14.3 of bk-job-api.md).
 */
final class LaunchEvidence {

    /** Clocks of the bridge and Job may differ; listings are widened by this much on both sides. */
    static final long CLOCK_MARGIN_MS = 5 * 60_000L;
    private static final int NOT_STARTED = 1;

    private final List<Map<String, Object>> candidates;
    private final List<Long> unknownIds;
    private final List<Long> notStarted;

    private LaunchEvidence(List<Map<String, Object>> candidates, List<Long> unknownIds, List<Long> notStarted) {
        this.candidates = candidates;
        this.unknownIds = unknownIds;
        this.notStarted = notStarted;
    }

    /**
     * @param recorded the instance id this action records (left out of the orphans), or null
     */
    static LaunchEvidence from(JsonNode page, long planId, ActionStore store, Long recorded) {
        List<Map<String, Object>> candidates = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        Map<Long, Integer> statusById = new LinkedHashMap<>();
        for (JsonNode row : page.path("data")) {
            long plan = row.path("job_plan_id").asLong(-1);
            if (plan != planId) {
                continue;
            }
            long id = row.hasNonNull("job_instance_id") ? row.get("job_instance_id").asLong() : row.path("id").asLong();
            if (statusById.containsKey(id)) {
                continue;
            }
            int status = row.path("status").asInt(0);
            statusById.put(id, status);
            ids.add(id);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("job_instance_id", id);
            c.put("status", status);
            c.put("create_time", row.path("create_time").asLong());
            c.put("operator", row.path("operator").asText(null));
            candidates.add(c);
        }
        Set<Long> known = store.knownJobInstances(planId, ids);
        List<Long> unknown = new ArrayList<>();
        List<Long> notStarted = new ArrayList<>();
        for (Long id : ids) {
            if (known.contains(id) || id.equals(recorded)) {
                continue;
            }
            unknown.add(id);
            if (statusById.get(id) == NOT_STARTED) {
                notStarted.add(id);
            }
        }
        return new LaunchEvidence(candidates, unknown, notStarted);
    }

    /** Every instance of the plan in the listing, for the record. */
    List<Map<String, Object>> candidates() {
        return candidates;
    }

    /** Instances no action records. */
    List<Long> unknownIds() {
        return unknownIds;
    }

    /** Unknown instances still in status 1 (created, never started). */
    List<Long> notStarted() {
        return notStarted;
    }
}
