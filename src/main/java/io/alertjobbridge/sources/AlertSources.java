package io.alertjobbridge.sources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.alertjobbridge.intake.BadRequestException;

/** The built-in source formats by name, for the endpoint that takes any of them (the preview). */
public final class AlertSources {

    private final Map<String, AlertSource> byName = new LinkedHashMap<>();

    public AlertSources(List<AlertSource> sources) {
        for (AlertSource s : sources) {
            byName.put(s.name(), s);
        }
    }

    /** The named format, bk-monitor's when no name is given; an unknown name is the caller's mistake (400). */
    public AlertSource byName(String name) {
        String wanted = name == null || name.isBlank() ? BkMonitorSource.NAME : name.trim();
        AlertSource source = byName.get(wanted);
        if (source == null) {
            throw BadRequestException.invalidField("source", "must be one of " + String.join(", ", byName.keySet())
                    + " (a custom source's alerts are previewed in the model format: source=model)");
        }
        return source;
    }
}
