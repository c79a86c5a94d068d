package io.alertjobbridge.action;

import java.util.List;
import java.util.Optional;

/** The action configs loaded at start, and which of them an alert fires. Immutable. */
public final class ActionCatalog {

    private final List<ActionConfig> actions;

    public ActionCatalog(List<ActionConfig> actions) {
        this.actions = List.copyOf(actions);
    }

    public List<ActionConfig> all() {
        return actions;
    }

    /** Enabled actions whose match block holds for the alert, in file-name order. */
    public List<ActionConfig> matching(ActionMatch.Subject alert) {
        return actions.stream().filter(ActionConfig::enabled).filter(a -> a.match().matches(alert)).toList();
    }

    public Optional<ActionConfig> byName(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
