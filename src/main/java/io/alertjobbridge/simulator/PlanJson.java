package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * get_job_plan_detail and get_job_plan_list (reference 10 and 11). Every plan exists in every scope. The plan id
 * is emitted as {@code id}, as the server does (the docs' {@code job_plan_id} is wrong); cipher defaults are
 * masked.
 */
final class PlanJson {

    static final String CREATOR = "admin";
    static final long CREATE_TIME = 1_764_547_200_000L;
    static final long LAST_MODIFY_TIME = 1_766_000_000_000L;
    private static final int DEFAULT_LENGTH = 20;
    private static final int MAX_LENGTH = 1000;

    private PlanJson() {
    }

    static ObjectNode detail(SimulatedPlan plan, Scope scope, HostRegistry hosts) {
        ObjectNode data = summary(plan, scope);
        data.remove("need_update");
        ArrayNode variables = data.putArray("global_var_list");
        for (PlanVariable variable : plan.variables()) {
            ObjectNode node = variables.addObject();
            node.put("id", variable.id());
            node.put("name", variable.name());
            node.put("type", variable.type());
            node.put("description", "");
            node.put("required", variable.isHostList() ? 1 : 0);
            if (variable.isHostList()) {
                ObjectNode server = node.putObject("server");
                ArrayNode ips = server.putArray("ip_list");
                plan.defaultHosts().stream().map(hosts::byAddress).forEach(h -> ips.addObject()
                        .put("bk_host_id", h.hostId()).put("bk_cloud_id", h.cloudId()).put("ip", h.ip()));
                server.putArray("dynamic_group_list");
                server.putArray("topo_node_list");
            } else {
                node.put("value", variable.isCipher() ? PlanVariable.CIPHER_MASK : variable.defaultValue());
            }
            node.put("used", true);
        }
        ArrayNode steps = data.putArray("step_list");
        for (int i = 0; i < plan.steps().size(); i++) {
            ObjectNode step = steps.addObject();
            step.put("id", plan.id() * 100 + i + 1);
            step.put("name", plan.steps().get(i));
            step.put("type", 1);
            ObjectNode script = step.putObject("script_info");
            script.put("script_type", 1);
            script.put("script_content", Base64.getEncoder().encodeToString(
                    ("echo '" + plan.steps().get(i) + "'").getBytes(StandardCharsets.UTF_8)));
            script.put("script_language", 1);
            script.put("script_param", "");
            script.put("script_timeout", 600);
            script.put("is_param_sensitive", 0);
            script.put("is_ignore_error", 0);
            script.putObject("account").put("id", 1).put("name", "root");
            plan.hostVariable().ifPresent(v -> script.putObject("server").put("variable", v.name()));
        }
        return data;
    }

    static ObjectNode list(Collection<SimulatedPlan> plans, Scope scope, JobRequest request) {
        Integer askedLength = request.optionalInt("length");
        int length = askedLength == null ? DEFAULT_LENGTH : askedLength;
        if (length < 1 || length > MAX_LENGTH) {
            throw JobApiException.badRequest("The param 'length' must be in range: [1," + MAX_LENGTH + "]");
        }
        Integer askedStart = request.optionalInt("start");
        int start = askedStart == null ? 0 : Math.max(0, askedStart);
        Long templateId = request.optionalLong("job_template_id");
        String creator = request.optionalString("creator");
        String name = request.optionalString("name");
        String lastModifyUser = request.optionalString("last_modify_user");
        boolean created = within(CREATE_TIME, request.optionalLong("create_time_start"), request.optionalLong("create_time_end"));
        boolean modified = within(LAST_MODIFY_TIME, request.optionalLong("last_modify_time_start"),
                request.optionalLong("last_modify_time_end"));
        List<SimulatedPlan> matches = plans.stream()
                .filter(p -> created && modified)
                .filter(p -> templateId == null || templateId <= 0 || p.templateId() == templateId)
                .filter(p -> blank(creator) || CREATOR.equals(creator))
                .filter(p -> blank(lastModifyUser) || CREATOR.equals(lastModifyUser))
                .filter(p -> blank(name) || p.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingLong(SimulatedPlan::id))
                .toList();
        ObjectNode data = SimulatorJson.object();
        data.put("start", start);
        data.put("length", length);
        data.put("total", matches.size());
        ArrayNode items = data.putArray("data");
        matches.subList(Math.min(start, matches.size()), Math.min(matches.size(), start + length))
                .forEach(p -> items.add(summary(p, scope)));
        return data;
    }

    private static ObjectNode summary(SimulatedPlan plan, Scope scope) {
        ObjectNode node = SimulatorJson.object();
        node.put("bk_scope_type", scope.type());
        node.put("bk_scope_id", scope.id());
        node.put("id", plan.id());
        node.put("job_template_id", plan.templateId());
        node.put("name", plan.name());
        node.put("creator", CREATOR);
        node.put("create_time", CREATE_TIME);
        node.put("last_modify_user", CREATOR);
        node.put("last_modify_time", LAST_MODIFY_TIME);
        node.put("need_update", false);
        return node;
    }

    private static boolean within(long time, Long from, Long to) {
        return (from == null || time >= from) && (to == null || time <= to);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
