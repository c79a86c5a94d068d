package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Injected failures for the next N calls of an API (or of any API, {@code "*"}). Each fault is one of three kinds:
 * <ul>
 *   <li>{@code http_status}: answer that status without acting; Job never sees the call;</li>
 *   <li>{@code drop_after_acting}: act, then lose the answer (a 504, as when the gateway gives up on Job);</li>
 *   <li>{@code answer_delay_ms}: act at once, send the normal answer only after the delay. A client killed in
 *       between has sent its request but never recorded the answer. {@link SimulatorDelayedAnswers} serves
 *       these calls, so the wait holds no thread.</li>
 * </ul>
 * Faults for one API queue up and are used in the order posted; an API's own queue comes before {@code "*"}'s.
 */
final class SimulatorFaults {

    static final String ANY_API = "*";
    static final String HTTP_STATUS = "http_status";
    static final String DROP_AFTER_ACTING = "drop_after_acting";
    static final String ANSWER_DELAY_MS = "answer_delay_ms";
    static final long MAX_ANSWER_DELAY_MS = 600_000;

    private final Map<String, Queue<Fault>> byApi = new ConcurrentHashMap<>();

    enum Kind { HTTP_STATUS, DROP_AFTER_ACTING, ANSWER_DELAY }

    /**
     * One posted fault; {@code remaining} counts down as calls use it. {@code httpStatus} is only meaningful for
     * {@link Kind#HTTP_STATUS}, {@code answerDelayMs} only for {@link Kind#ANSWER_DELAY}; both are 0 otherwise.
     */
    record Fault(String api, Kind kind, int httpStatus, long answerDelayMs, AtomicInteger remaining) {

        boolean delaysAnswer() {
            return kind == Kind.ANSWER_DELAY;
        }

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
            switch (kind) {
                case HTTP_STATUS -> node.put(HTTP_STATUS, httpStatus);
                case DROP_AFTER_ACTING -> node.put(DROP_AFTER_ACTING, true);
                case ANSWER_DELAY -> node.put(ANSWER_DELAY_MS, answerDelayMs);
            }
            node.put("count", remaining.get());
            return node;
        }
    }

    /**
     * Reads {@code {"api", "http_status" | "drop_after_acting" | "answer_delay_ms", "count"}}: exactly one of the
     * three kinds, {@code count} 1 when left out. Throws with the reason and the bad value when malformed.
     */
    static Fault parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        String api = body.path("api").asText("");
        if (!api.equals(ANY_API) && JobApi.byName(api).isEmpty()) {
            throw new IllegalArgumentException("unknown api '" + api + "'");
        }
        List<String> kinds = Stream.of(HTTP_STATUS, DROP_AFTER_ACTING, ANSWER_DELAY_MS).filter(body::hasNonNull).toList();
        if (kinds.size() != 1) {
            throw new IllegalArgumentException("give exactly one of http_status (400..599), drop_after_acting (true) or "
                    + "answer_delay_ms (1.." + MAX_ANSWER_DELAY_MS + "); got " + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
        }
        AtomicInteger count = new AtomicInteger(body.has("count") ? (int) whole(body, "count", 1, Integer.MAX_VALUE) : 1);
        return switch (kinds.get(0)) {
            case HTTP_STATUS -> new Fault(api, Kind.HTTP_STATUS, (int) whole(body, HTTP_STATUS, 400, 599), 0, count);
            case DROP_AFTER_ACTING -> {
                JsonNode drop = body.get(DROP_AFTER_ACTING);
                if (!drop.isBoolean() || !drop.booleanValue()) {
                    throw new IllegalArgumentException("drop_after_acting can only be true, got " + drop);
                }
                yield new Fault(api, Kind.DROP_AFTER_ACTING, 0, 0, count);
            }
            default -> new Fault(api, Kind.ANSWER_DELAY, 0, whole(body, ANSWER_DELAY_MS, 1, MAX_ANSWER_DELAY_MS), count);
        };
    }

    void add(Fault fault) {
        byApi.computeIfAbsent(fault.api(), k -> new ConcurrentLinkedQueue<>()).add(fault);
    }

    /**
     * Uses up one call of the fault this API meets next (its own first, else any API's) if that fault passes
     * {@code wanted}; null, using nothing, when none is pending or the next one does not pass. Faults behind the
     * next one are never reached past it, so the posted order holds.
     */
    Fault take(String api, Predicate<Fault> wanted) {
        while (true) {
            Fault next = firstPending(byApi.get(api));
            if (next == null) {
                next = firstPending(byApi.get(ANY_API));
            }
            if (next == null || !wanted.test(next)) {
                return null;
            }
            if (next.remaining().getAndUpdate(n -> n > 0 ? n - 1 : n) > 0) {
                return next;
            }
            // Another call used its last count between the look and the take: look again.
        }
    }

    ArrayNode toJson() {
        ArrayNode list = SimulatorJson.MAPPER.createArrayNode();
        byApi.values().forEach(queue -> queue.stream().filter(f -> f.remaining().get() > 0).forEach(f -> list.add(f.toJson())));
        return list;
    }

    void clear() {
        byApi.clear();
    }

    /** The first fault with calls left, dropping used-up ones from the front; null when none. */
    private static Fault firstPending(Queue<Fault> queue) {
        if (queue == null) {
            return null;
        }
        for (Fault fault = queue.peek(); fault != null; fault = queue.peek()) {
            if (fault.remaining().get() > 0) {
                return fault;
            }
            queue.remove(fault);
        }
        return null;
    }

    private static long whole(JsonNode body, String field, long min, long max) {
        JsonNode value = body.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()
                || value.longValue() < min || value.longValue() > max) {
            throw new IllegalArgumentException(field + " must be a whole number in " + min + ".." + max + ", got " + value);
        }
        return value.longValue();
    }
}
