package io.alertjobbridge.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.action.ActionCatalog;
import io.alertjobbridge.action.ActionConfig;
import io.alertjobbridge.action.ActionVariables;
import io.alertjobbridge.intake.IntakeVariables;
import io.alertjobbridge.intake.ValidAlert;
import io.alertjobbridge.mapping.MappingException;
import io.alertjobbridge.sources.AlertSources;
import org.apache.camel.Exchange;

/**
 * {@code POST /api/v1/actions/preview}: what an alert would do, with nothing stored and no Job call.
 * For each alert of the request (read in the format named by the {@code source} query parameter), the
 * actions it matches and, for each, the exact global_var_list the launch would send (cipher values
 * masked) or the reason the action would fail with. Rendering goes through {@link ActionVariables},
 * as the launch does; templates see {@code action.id} as {@value #PREVIEW_ACTION_ID}.
 */
public final class ActionPreview {

    public static final String PREVIEW_ACTION_ID = "preview";

    private final AlertSources sources;
    private final ActionCatalog catalog;
    private final ActionVariables variables;
    private final ApiReplies replies;

    public ActionPreview(AlertSources sources, ActionCatalog catalog, ActionVariables variables, ApiReplies replies) {
        this.sources = sources;
        this.catalog = catalog;
        this.variables = variables;
        this.replies = replies;
    }

    public void preview(Exchange exchange) {
        JsonNode body = exchange.getVariable(IntakeVariables.ALERT_JSON, JsonNode.class);
        String source = exchange.getVariable(IntakeVariables.PREVIEW_SOURCE, String.class);
        List<ValidAlert> alerts = sources.byName(source).read(body);
        replies.reply(exchange, 200, previewOf(alerts));
    }

    /** {@code {alerts: [{alert_id, source, signal, alert, actions: [{name, plan_id, bk_biz_id, global_var_list | error}]}]}}. */
    public Map<String, Object> previewOf(List<ValidAlert> alerts) {
        List<Map<String, Object>> out = new ArrayList<>(alerts.size());
        for (ValidAlert alert : alerts) {
            List<Map<String, Object>> actions = new ArrayList<>();
            for (ActionConfig config : catalog.matching(alert.subject())) {
                actions.add(previewAction(config, alert));
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("alert_id", alert.id());
            a.put("source", alert.source());
            a.put("signal", alert.subject().signal());
            a.put("alert", alert.document());
            a.put("actions", actions);
            out.add(a);
        }
        return Map.of("alerts", out);
    }

    private Map<String, Object> previewAction(ActionConfig config, ValidAlert alert) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", config.name());
        a.put("plan_id", config.templateId());
        a.put("bk_biz_id", config.bkBizId());
        try {
            a.put("global_var_list", variables.render(config, PREVIEW_ACTION_ID, config.templateId(), config.bkBizId(),
                    alert.document()).maskedGlobalVarList());
        } catch (MappingException e) {
            a.put("error", "variable mapping failed: " + e.getMessage());
        }
        return a;
    }
}
