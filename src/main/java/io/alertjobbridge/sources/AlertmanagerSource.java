package io.alertjobbridge.sources;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.intake.ValidAlert;

/** Prometheus Alertmanager's webhook, version 4: each alert of the group is one alert (see {@link AlertGroup}). */
public final class AlertmanagerSource implements AlertSource {

    public static final String NAME = "alertmanager";

    private final ObjectMapper json;

    public AlertmanagerSource(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ValidAlert> read(JsonNode body) {
        return AlertGroup.read(body, NAME, "4", "Alertmanager", json);
    }
}
