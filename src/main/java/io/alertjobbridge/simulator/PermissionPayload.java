package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The IAM {@code permission} object Job attaches to 9900403 (reference 7.3). */
final class PermissionPayload {

    private PermissionPayload() {
    }

    /** Missing action {@code launch_job_plan} on the plan, one resource path: scope, then plan. */
    static JsonNode launchJobPlan(Scope scope, SimulatedPlan plan) {
        ObjectNode permission = SimulatorJson.object();
        permission.put("system_id", "bk_job");
        permission.put("system_name", "Job");
        ObjectNode action = permission.putArray("actions").addObject();
        action.put("id", "launch_job_plan");
        action.put("name", "Launch job plan");
        ObjectNode resourceType = action.putArray("related_resource_types").addObject();
        resourceType.put("system_id", "bk_job");
        resourceType.put("system_name", "Job");
        resourceType.put("type", "job_plan");
        resourceType.put("type_name", "Job plan");
        ArrayNode path = resourceType.putArray("instances").addArray();
        path.addObject().put("type", scope.type()).put("type_name", scope.type().equals("biz") ? "Business" : "Business set")
                .put("id", scope.id()).put("name", scope.type() + "-" + scope.id());
        path.addObject().put("type", "job_plan").put("type_name", "Job plan")
                .put("id", String.valueOf(plan.id())).put("name", plan.name());
        return permission;
    }
}
