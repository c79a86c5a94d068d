package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Injected failures: the next N calls of an API (or of any API, {@code "*"}) answer an HTTP status without
 * acting, or act and then lose the answer. Faults for one API queue up and are used in the order posted.
 */
final class SimulatorFaults {

    static final String ANY_API = "*";

    private final Map<String, Queue<Fault>> byApi = new ConcurrentHashMap<>();

    /** One posted fault; {@code remaining} counts down as calls consume it. */
    record Fault(String api, int httpStatus, boolean dropAfterActing, AtomicInteger remaining) {

        /** The answer a status fault gives in place of the real one. */
        SimulatorReply reply() {
            return switch (httpStatus) {
                case 429 -> SimulatorEnvelopes.rateLimited();
                case 502 -> SimulatorEnvelopes.badGateway();
                case 504 -> SimulatorEnvelopes.backendTimeout();
                case 500 -> SimulatorReply.text(500, "Internal Server Error");
                case 503 -> SimulatorReply.text(503, "Service Unavailable");
                default -> SimulatorReply.text(httpStatus, "Injected fault: HTTP " + httpStatus);
            };
        }

        ObjectNode toJson() {
            ObjectNode node = SimulatorJson.object();
            node.put("api", api);
            if (dropAfterActing) {
                node.put("drop_after_acting", true);
            } else {
                node.put("http_status", httpStatus);
            }
            node.put("count", remaining.get());
            return node;
        }
    }

    /** Reads {@code {"api", "http_status"|"drop_after_acting", "count"}}; throws with the reason when malformed. */
    static Fault parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        String api = body.path("api").asText("");
        if (!api.equals(ANY_API) && JobApi.byName(api).isEmpty()) {
            throw new IllegalArgumentException("unknown api '" + api + "'");
        }
        boolean drop = body.path("drop_after_acting").asBoolean(false);
        int status = body.path("http_status").asInt(0);
        if (!drop && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("give http_status 400..599 or drop_after_acting: true");
        }
        int count = body.has("count") ? body.path("count").asInt(0) : 1;
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1");
        }
        return new Fault(api, drop ? 504 : status, drop, new AtomicInteger(count));
    }

    void add(Fault fault) {
        byApi.computeIfAbsent(fault.api(), k -> new ConcurrentLinkedQueue<>()).add(fault);
    }

    /** Uses up one call of the first fault for this API, else for any API; null when none is pending. */
    Fault take(String api) {
        Fault fault = takeFrom(byApi.get(api));
        return fault != null ? fault : takeFrom(byApi.get(ANY_API));
    }

    ArrayNode toJson() {
        ArrayNode list = SimulatorJson.MAPPER.createArrayNode();
        byApi.values().forEach(queue -> queue.stream().filter(f -> f.remaining().get() > 0).forEach(f -> list.add(f.toJson())));
        return list;
    }

    void clear() {
        byApi.clear();
    }

    private static Fault takeFrom(Queue<Fault> queue) {
        if (queue == null) {
            return null;
        }
        for (Fault fault = queue.peek(); fault != null; fault = queue.peek()) {
            if (fault.remaining().getAndDecrement() > 0) {
                return fault;
            }
            queue.remove(fault);
        }
        return null;
    }
}
