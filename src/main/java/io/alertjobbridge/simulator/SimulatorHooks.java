package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The test and operations hooks under {@code /simulator/}: read the call log, inject and clear faults, reset.
 * Answers are plain JSON; a malformed fault is a 400 with the reason.
 */
final class SimulatorHooks {

    private final JobSimulator simulator;
    private final SimulatorCallLog calls;
    private final SimulatorFaults faults;

    SimulatorHooks(JobSimulator simulator, SimulatorCallLog calls, SimulatorFaults faults) {
        this.simulator = simulator;
        this.calls = calls;
        this.faults = faults;
    }

    SimulatorReply calls() {
        return SimulatorReply.json(200, calls.toJson());
    }

    /** GET lists pending faults, POST adds one, DELETE clears them all. */
    SimulatorReply faults(String method, String body) {
        return switch (method == null ? "" : method.toUpperCase(java.util.Locale.ROOT)) {
            case "POST" -> addFault(body);
            case "DELETE" -> clearFaults();
            default -> listFaults();
        };
    }

    private SimulatorReply addFault(String body) {
        try {
            SimulatorFaults.Fault fault = SimulatorFaults.parse(body == null ? null : SimulatorJson.readOrNull(body));
            faults.add(fault);
            return SimulatorReply.json(200, fault.toJson());
        } catch (IllegalArgumentException e) {
            ObjectNode error = SimulatorJson.object();
            error.put("error", "Fault not accepted: " + e.getMessage());
            return SimulatorReply.json(400, error);
        }
    }

    private SimulatorReply listFaults() {
        ObjectNode node = SimulatorJson.object();
        node.set("faults", faults.toJson());
        return SimulatorReply.json(200, node);
    }

    private SimulatorReply clearFaults() {
        faults.clear();
        return SimulatorReply.json(200, SimulatorJson.object().put("cleared", true));
    }

    SimulatorReply reset() {
        simulator.reset();
        calls.reset();
        faults.clear();
        return SimulatorReply.json(200, SimulatorJson.object().put("reset", true));
    }
}
