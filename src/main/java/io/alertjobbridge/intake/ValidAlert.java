package io.alertjobbridge.intake;

import java.util.Map;

import io.alertjobbridge.action.ActionMatch;

/**
 * A bk-monitor alert that passed validation: its id, the document as a plain map (the template
 * context reads it) and as JSON text (what is stored), and the fields action matching reads.
 */
public record ValidAlert(String id, String source, Map<String, Object> document, String json,
                         ActionMatch.Subject subject) {
}
