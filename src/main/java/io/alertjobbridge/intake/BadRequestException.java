package io.alertjobbridge.intake;

/**
 * A request the bridge refuses, answered with {@code status} and a JSON error naming the field.
 * Nothing of the request has been stored when this is thrown.
 */
public final class BadRequestException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public BadRequestException(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static BadRequestException invalidField(String field, String problem) {
        return new BadRequestException(400, "invalid_field", field, "field '" + field + "' " + problem);
    }

    public static BadRequestException missingField(String field) {
        return new BadRequestException(400, "missing_field", field, "field '" + field + "' is required");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The offending field's path, or null when the problem is the whole body. */
    public String field() {
        return field;
    }
}
