package io.alertjobbridge.sources;

import io.alertjobbridge.intake.BadRequestException;

/**
 * The ids sources give their alerts: any text of at most {@link AlertModel#MAX_ID_LENGTH} characters,
 * trimmed, without control characters (a line break would split a log line) or invisible format
 * characters (a right-to-left override would make one id look like another). Markup or template
 * syntax in an id is only text: ids are bound as SQL parameters, escaped wherever they are shown,
 * and never rendered as a template.
 */
public final class AlertIds {

    private AlertIds() {
    }

    /** The id, trimmed, or a 400 naming {@code field}. */
    public static String check(String id, String field) {
        String trimmed = id.trim();
        if (trimmed.isEmpty()) {
            throw BadRequestException.invalidField(field, "must not be empty");
        }
        if (trimmed.length() > AlertModel.MAX_ID_LENGTH) {
            throw BadRequestException.invalidField(field, "must be at most " + AlertModel.MAX_ID_LENGTH + " characters");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isISOControl(c)) {
                throw BadRequestException.invalidField(field, "must not contain control characters");
            }
            if (Character.getType(c) == Character.FORMAT) {
                throw BadRequestException.invalidField(field, "must not contain invisible format characters");
            }
        }
        return trimmed;
    }
}
