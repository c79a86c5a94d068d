package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Makes an execute_job_plan body safe to keep and show on /simulator/calls: credentials removed, and values of
 * the plan's cipher variables replaced by the mask (the hook is unauthenticated, like the rest of the simulator).
 */
final class LaunchBodyRedactor {

    static final List<String> CREDENTIAL_FIELDS =
            List.of("bk_app_code", "bk_app_secret", "bk_username", "bk_token", "access_token", "bk_signature");

    private LaunchBodyRedactor() {
    }

    /** @param plan the plan the body names, or null when unknown (then no variable can be recognised as a cipher) */
    static ObjectNode redact(ObjectNode body, SimulatedPlan plan) {
        ObjectNode copy = body.deepCopy();
        copy.remove(CREDENTIAL_FIELDS);
        JsonNode variables = copy.get("global_var_list");
        if (plan == null || variables == null || !variables.isArray()) {
            return copy;
        }
        for (JsonNode item : variables) {
            if (item.isObject() && item.has("value") && isCipher(plan, item)) {
                ((ObjectNode) item).put("value", PlanVariable.CIPHER_MASK);
            }
        }
        return copy;
    }

    private static boolean isCipher(SimulatedPlan plan, JsonNode item) {
        JsonNode id = item.get("id");
        JsonNode name = item.get("name");
        return plan.variable(id != null && id.isIntegralNumber() ? id.longValue() : null,
                name != null && name.isTextual() ? name.textValue() : null)
                .map(PlanVariable::isCipher).orElse(false);
    }
}
