package io.alertjobbridge.intake;

import java.util.Map;

import io.alertjobbridge.action.ActionMatch;

/**
 * An alert of any source that passed its checks, in the alert model: the id the store keys it on,
 * its source, the document as a plain map (the template context reads it) and as JSON text (what is
 * stored), and the fields action matching reads.
 */
public record ValidAlert(String id, String source, Map<String, Object> document, String json,
                         ActionMatch.Subject subject) {
}
