package io.alertjobbridge.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variable values one run gets, merged as Job's plan launcher does (reference 3 and 12): request items are
 * matched to plan variables by id, then by name; the last item for a variable wins (bk-monitor's one-item-per-IP
 * host lists therefore target only the last IP, as on the real Job); items matching nothing are silently ignored;
 * plan variables not mentioned keep their defaults. The targets are the plan's host variable.
 *
 * @param values  non-host variables by name, in plan order; ciphers included (mask them when showing)
 * @param targets the hosts the steps run on
 * @param ignored labels of request items that matched no plan variable
 */
record LaunchVariables(Map<PlanVariable, String> values, List<SimulatedHost> targets, List<String> ignored) {

    static LaunchVariables resolve(SimulatedPlan plan, List<RequestVariable> requested, HostRegistry hosts) {
        Map<PlanVariable, RequestVariable> lastWins = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (RequestVariable item : requested) {
            plan.variable(item.id(), item.name()).ifPresentOrElse(v -> lastWins.put(v, item), () -> ignored.add(item.label()));
        }
        Map<PlanVariable, String> values = new LinkedHashMap<>();
        for (PlanVariable variable : plan.variables()) {
            if (!variable.isHostList()) {
                RequestVariable item = lastWins.get(variable);
                values.put(variable, item == null ? variable.defaultValue() : textValue(item));
            }
        }
        return new LaunchVariables(values, targets(plan, lastWins, hosts), ignored);
    }

    /** Job takes {@code server} only when {@code value} is empty and a list is given; then the text is empty. */
    private static String textValue(RequestVariable item) {
        return item.value() == null ? "" : item.value();
    }

    private static List<SimulatedHost> targets(SimulatedPlan plan, Map<PlanVariable, RequestVariable> lastWins,
                                               HostRegistry hosts) {
        RequestVariable item = plan.hostVariable().map(lastWins::get).orElse(null);
        if (item == null) {
            return defaults(plan, hosts);
        }
        boolean serverUsed = (item.value() == null || item.value().isEmpty())
                && item.server() != null && item.server().hasAnyList();
        if (!serverUsed) {
            // A host variable set through "value" (or to nothing) is empty: every step has no target.
            throw new JobApiException(JobApiException.STEP_TARGET_EMPTY,
                    "Step target hosts are empty: host variable " + item.label() + " has no hosts");
        }
        RequestVariable.Server server = item.server();
        Set<SimulatedHost> chosen = new LinkedHashSet<>();
        server.hostIds().forEach(id -> chosen.add(hosts.byId(id)));
        server.ips().forEach(ip -> chosen.add(hosts.byAddress(ip)));
        if (chosen.isEmpty()) {
            // Only dynamic groups or topo nodes: our pretend CMDB resolves them to the plan's default hosts.
            return defaults(plan, hosts);
        }
        return List.copyOf(chosen);
    }

    private static List<SimulatedHost> defaults(SimulatedPlan plan, HostRegistry hosts) {
        return plan.defaultHosts().stream().map(hosts::byAddress).toList();
    }
}
