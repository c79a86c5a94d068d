package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the ESB and the API gateway do in front of Job, minus the network: count the call, check the method
 * (gateway), apply an injected fault, read the parameters, check the credentials, ask {@link JobSimulator}, and
 * wrap the answer in the door's envelope. Order matters and follows the real layers: a gateway refuses a wrong
 * method or missing credentials before Job sees anything; the ESB must parse the body to find the credentials.
 * <p>
 * An {@code answer_delay_ms} fault changes only when the answer leaves, which the caller controls, so it takes
 * two steps: {@link #claimAnswerDelay} takes the fault before the call is served, {@link #handleClaimed} serves
 * it as usual, and the caller holds the answer. {@link #handle} never uses such a fault.
 */
final class SimulatorFrontDoor {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorFrontDoor.class);
    private static final String UNKNOWN_API = "unknown";

    private final JobSimulator simulator;
    private final SimulatorCredentials credentials;
    private final SimulatorCallLog calls;
    private final SimulatorFaults faults;
    private final LongSupplier clock;

    SimulatorFrontDoor(JobSimulator simulator, SimulatorCredentials credentials, SimulatorCallLog calls,
                       SimulatorFaults faults, LongSupplier clock) {
        this.simulator = simulator;
        this.credentials = credentials;
        this.calls = calls;
        this.faults = faults;
        this.clock = clock;
    }

    /**
     * Serves a call now. An answer-delay fault next in line is left alone: {@link SimulatorDelayedAnswers} claims
     * those before the route runs, so one reaches here only when it was posted (or came to the front) just after
     * that check; this call is then served without it and the fault waits for the next call.
     */
    SimulatorReply handle(HttpCall call) {
        return handle(call, api -> faults.take(api, fault -> !fault.delaysAnswer()));
    }

    /**
     * Uses up one call of the answer-delay fault this call meets next; null, using nothing, when its next fault is
     * of another kind, when none is pending, or when the call is refused before faults apply (unknown API, or a
     * method the gateway does not register for it).
     */
    SimulatorFaults.Fault claimAnswerDelay(Door door, String apiName, String method) {
        return JobApi.byName(apiName)
                .filter(api -> methodRegistered(door, api, method))
                .map(api -> faults.take(api.apiName(), SimulatorFaults.Fault::delaysAnswer))
                .orElse(null);
    }

    /** Serves a call whose answer-delay fault {@link #claimAnswerDelay} took: acts now and returns the normal answer. */
    SimulatorReply handleClaimed(HttpCall call, SimulatorFaults.Fault claimed) {
        return handle(call, api -> claimed);
    }

    private SimulatorReply handle(HttpCall call, Function<String, SimulatorFaults.Fault> faultFor) {
        SimulatorReply reply = decide(call, faultFor);
        // The gateway stamps every answer with its request id, whoever produced the body.
        return call.door() == Door.ESB ? reply : reply.withHeader("X-Bkapi-Request-Id", SimulatorEnvelopes.requestId(32));
    }

    private SimulatorReply decide(HttpCall call, Function<String, SimulatorFaults.Fault> faultFor) {
        Optional<JobApi> api = JobApi.byName(call.api());
        calls.record(api.map(JobApi::apiName).orElse(UNKNOWN_API), clock.getAsLong());
        if (api.isEmpty()) {
            return call.door() == Door.ESB
                    ? esb(SimulatorEnvelopes.esbError(SimulatorEnvelopes.ESB_COMPONENT_NOT_FOUND,
                            "Component [" + call.api() + "] not found"))
                    : apiNotFound();
        }
        if (!methodRegistered(call.door(), api.get(), call.method())) {
            return apiNotFound();
        }
        SimulatorFaults.Fault fault = faultFor.apply(api.get().apiName());
        SimulatorFaults.Kind kind = fault == null ? null : fault.kind();
        if (kind == SimulatorFaults.Kind.HTTP_STATUS) {
            return infrastructure(call.door(), fault.reply());
        }
        try {
            SimulatorReply reply = act(call, api.get());
            return kind == SimulatorFaults.Kind.DROP_AFTER_ACTING
                    ? infrastructure(call.door(), SimulatorEnvelopes.backendTimeout()) : reply;
        } catch (RuntimeException e) {
            LOG.warn("Job simulator failed on {} {}; answering Job's internal error", call.method(), call.api(), e);
            return infrastructure(call.door(), SimulatorReply.json(500, SimulatorEnvelopes.job(JobResult.error(
                    new JobApiException(JobApiException.INTERNAL_ERROR, "Internal Server Error")))));
        }
    }

    /** The ESB takes any method; the gateway registers one per API and answers 404 to the others. */
    private static boolean methodRegistered(Door door, JobApi api, String method) {
        return door == Door.ESB || api.gatewayMethod().equalsIgnoreCase(method);
    }

    /** A reply made by a layer in front of Job; through the ESB a JSON body still carries the ESB request id. */
    private static SimulatorReply infrastructure(Door door, SimulatorReply reply) {
        if (door != Door.ESB || !reply.contentType().equals(SimulatorReply.JSON)) {
            return reply;
        }
        ObjectNode body = (ObjectNode) SimulatorJson.readOrNull(reply.body());
        body.put("request_id", SimulatorEnvelopes.requestId(32));
        return SimulatorReply.json(reply.status(), body, reply.headers());
    }

    private SimulatorReply act(HttpCall call, JobApi api) {
        boolean fromQuery = call.door() == Door.ESB ? call.isGet() : api.gatewayMethod().equals("GET");
        JobRequest request;
        JobApiException unreadable = null;
        try {
            request = fromQuery ? JobRequest.query(call.queryParameters()) : JobRequest.json(call.body());
        } catch (JobApiException e) {
            request = null;
            unreadable = e;
        }
        if (request != null && api == JobApi.EXECUTE_JOB_PLAN) {
            recordLaunch(request);
        }
        if (call.door() == Door.ESB) {
            return esbCall(call, api, request, unreadable);
        }
        return gatewayCall(call, api, request, unreadable);
    }

    private SimulatorReply esbCall(HttpCall call, JobApi api, JobRequest request, JobApiException unreadable) {
        if (request == null) {
            return esb(SimulatorEnvelopes.esbError(SimulatorEnvelopes.ESB_PARAMETERS_ERROR,
                    "Request parameters error: " + unreadable.getMessage()));
        }
        // Credentials in the body or query; the X-Bkapi-Authorization header is the ESB's other accepted place.
        JsonNode header = SimulatorCredentials.header(call.authorization());
        ObjectNode params = request.fields();
        String code = firstText(SimulatorCredentials.field(params, "bk_app_code"), SimulatorCredentials.field(header, "bk_app_code"));
        String secret = firstText(SimulatorCredentials.field(params, "bk_app_secret"), SimulatorCredentials.field(header, "bk_app_secret"));
        String user = firstText(SimulatorCredentials.field(params, "bk_username"), SimulatorCredentials.field(header, "bk_username"));
        String refusal = credentials.refusal(code, secret);
        if (refusal == null && user == null) {
            refusal = "user authentication failed, please provide a valid user identity, such as bk_username";
        }
        if (refusal != null) {
            return esb(SimulatorEnvelopes.esbError(SimulatorEnvelopes.ESB_GENERIC, refusal));
        }
        return answer(simulator.call(api, request, user), Door.ESB);
    }

    private SimulatorReply gatewayCall(HttpCall call, JobApi api, JobRequest request, JobApiException unreadable) {
        JsonNode header = SimulatorCredentials.header(call.authorization());
        if (header == null) {
            return invalidArgs("X-Bkapi-Authorization is missing or not a JSON object; credentials are only read from it");
        }
        String refusal = credentials.refusal(SimulatorCredentials.field(header, "bk_app_code"),
                SimulatorCredentials.field(header, "bk_app_secret"));
        if (refusal != null) {
            return invalidArgs(refusal);
        }
        String user = call.door() == Door.GATEWAY_SYSTEM && call.username() != null && !call.username().isBlank()
                ? call.username()
                : SimulatorCredentials.field(header, "bk_username");
        if (user == null || user.isBlank()) {
            return invalidArgs(call.door() == Door.GATEWAY_SYSTEM
                    ? "X-Bk-Username is required" : "user authentication failed: bk_username is required");
        }
        JobResult result = request == null ? JobResult.error(unreadable) : simulator.call(api, request, user);
        return answer(result, call.door());
    }

    private SimulatorReply answer(JobResult result, Door door) {
        if (result.answerLost()) {
            return infrastructure(door, SimulatorEnvelopes.backendTimeout());
        }
        ObjectNode body = SimulatorEnvelopes.job(result);
        return door == Door.ESB ? esb(body) : SimulatorReply.json(200, body);
    }

    private void recordLaunch(JobRequest request) {
        JsonNode planNode = request.fields().get("job_plan_id");
        Long planId = planNode != null && planNode.isIntegralNumber() ? planNode.longValue() : null;
        SimulatedPlan plan = planId == null ? null : simulator.plan(planId);
        calls.recordLaunch(planId, LaunchBodyRedactor.redact(request.fields(), plan));
    }

    /** Every ESB answer carries the ESB's own request id. */
    private static SimulatorReply esb(ObjectNode body) {
        body.put("request_id", SimulatorEnvelopes.requestId(32));
        return SimulatorReply.json(200, body);
    }

    private static SimulatorReply invalidArgs(String message) {
        return SimulatorEnvelopes.gatewayError(400, SimulatorEnvelopes.GATEWAY_INVALID_ARGS, "INVALID_ARGS", message);
    }

    private static SimulatorReply apiNotFound() {
        return SimulatorEnvelopes.gatewayError(404, SimulatorEnvelopes.GATEWAY_API_NOT_FOUND, "API_NOT_FOUND",
                "API not found: check the path and the method");
    }

    private static String firstText(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : null;
    }
}
