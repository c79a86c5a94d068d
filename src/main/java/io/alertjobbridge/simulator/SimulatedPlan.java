package io.alertjobbridge.simulator;

import java.util.List;
import java.util.Optional;

/**
 * A job plan the simulator can launch: its steps (all script steps, run one after another), the hosts its host
 * variable targets by default, its global variables and how it behaves. {@code durationMs} is the whole run,
 * split evenly between the steps.
 */
record SimulatedPlan(long id, String name, PlanBehavior behavior, long durationMs, List<String> steps,
                     List<HostAddress> defaultHosts, List<PlanVariable> variables) {

    SimulatedPlan {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("Simulated plan " + id + " has no steps");
        }
        if (defaultHosts.isEmpty()) {
            throw new IllegalArgumentException("Simulated plan " + id + " has no default hosts");
        }
        if (durationMs < 1) {
            throw new IllegalArgumentException("Simulated plan " + id + " has duration " + durationMs + " ms; must be >= 1");
        }
        steps = List.copyOf(steps);
        defaultHosts = List.copyOf(defaultHosts);
        variables = List.copyOf(variables);
    }

    /** Job matches request variables by id first, then by name (reference section 3). */
    Optional<PlanVariable> variable(Long id, String name) {
        if (id != null && id >= 1) {
            Optional<PlanVariable> byId = variables.stream().filter(v -> v.id() == id).findFirst();
            if (byId.isPresent()) {
                return byId;
            }
        }
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return variables.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The variable the steps' targets come from. */
    Optional<PlanVariable> hostVariable() {
        return variables.stream().filter(PlanVariable::isHostList).findFirst();
    }

    /** A made-up template id, stable per plan, for the fields that carry one. */
    long templateId() {
        return id + 500_000;
    }
}
