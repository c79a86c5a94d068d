package io.alertjobbridge.sources;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.intake.BadRequestException;
import io.alertjobbridge.intake.ValidAlert;

/**
 * Grafana alerting's webhook (unified alerting, version 1): Alertmanager's envelope with Grafana's
 * extras (orgId, title, state; per alert silenceURL, dashboardURL, panelURL, values, valueString,
 * ruleUID, ...), which land in {@code extra_info.grafana}. The legacy format of Grafana 10 and before
 * (no {@code alerts} list, an {@code evalMatches} list instead) is refused with a hint: it carries no
 * alert identity to deduplicate by.
 */
public final class GrafanaSource implements AlertSource {

    public static final String NAME = "grafana";

    private final ObjectMapper json;

    public GrafanaSource(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ValidAlert> read(JsonNode body) {
        if (body != null && body.isObject() && body.get("alerts") == null
                && (body.has("evalMatches") || body.has("ruleId") || body.has("ruleName"))) {
            throw new BadRequestException(400, "legacy_format", null, "this is Grafana's legacy alerting webhook;"
                    + " the bridge takes the unified alerting webhook (Grafana 9 and later, version \"1\")");
        }
        return AlertGroup.read(body, NAME, "1", "Grafana", json);
    }
}
