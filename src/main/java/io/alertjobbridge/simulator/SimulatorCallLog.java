package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What arrived, for tests and benchmarks: calls per API (rejected ones included), launches per plan, calls per
 * epoch second (to check a client's throttle) and the last launch bodies, already stripped of credentials.
 * Counting is lock-free; only the bounded body list takes a short lock.
 */
final class SimulatorCallLog {

    static final int MAX_BODIES = 1000;
    /** The histogram keeps this many seconds back from the newest; older seconds are dropped. */
    static final long HISTOGRAM_SECONDS = 3600;

    private final LongAdder total = new LongAdder();
    private final Map<String, LongAdder> byApi = new ConcurrentHashMap<>();
    private final Map<Long, LongAdder> launchesByPlan = new ConcurrentHashMap<>();
    private final NavigableMap<Long, LongAdder> perSecond = new ConcurrentSkipListMap<>();
    private final Deque<JsonNode> launchBodies = new ArrayDeque<>();

    void record(String api, long nowMs) {
        total.increment();
        byApi.computeIfAbsent(api, k -> new LongAdder()).increment();
        long second = Math.floorDiv(nowMs, 1000);
        LongAdder bucket = perSecond.get(second);
        if (bucket == null) {
            bucket = perSecond.computeIfAbsent(second, k -> new LongAdder());
            perSecond.headMap(second - HISTOGRAM_SECONDS).clear();
        }
        bucket.increment();
    }

    /** @param planId null when the body named no usable plan id */
    void recordLaunch(Long planId, JsonNode redactedBody) {
        if (planId != null) {
            launchesByPlan.computeIfAbsent(planId, k -> new LongAdder()).increment();
        }
        synchronized (launchBodies) {
            launchBodies.addLast(redactedBody);
            if (launchBodies.size() > MAX_BODIES) {
                launchBodies.removeFirst();
            }
        }
    }

    ObjectNode toJson() {
        ObjectNode node = SimulatorJson.object();
        node.put("total_calls", total.sum());
        ObjectNode apis = node.putObject("calls_by_api");
        byApi.forEach((api, count) -> apis.put(api, count.sum()));
        ObjectNode plans = node.putObject("execute_job_plan_by_plan");
        launchesByPlan.forEach((plan, count) -> plans.put(String.valueOf(plan), count.sum()));
        ObjectNode seconds = node.putObject("calls_per_second");
        perSecond.forEach((second, count) -> seconds.put(String.valueOf(second), count.sum()));
        ArrayNode bodies = node.putArray("execute_job_plan_requests");
        synchronized (launchBodies) {
            launchBodies.forEach(bodies::add);
        }
        return node;
    }

    void reset() {
        total.reset();
        byApi.clear();
        launchesByPlan.clear();
        perSecond.clear();
        synchronized (launchBodies) {
            launchBodies.clear();
        }
    }
}
