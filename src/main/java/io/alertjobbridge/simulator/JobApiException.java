package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Job business error: answered as HTTP 200 with {@code result:false}, the 7-digit code and the message
 * (reference 7.1). {@code permission} is only set for 9900403.
 */
final class JobApiException extends RuntimeException {

    static final int BAD_REQUEST = 1240003;
    static final int INTERNAL_ERROR = 1240002;
    static final int ILLEGAL_PARAM = 1241002;
    static final int UNSUPPORTED_OPERATION = 1241003;
    static final int ILLEGAL_PARAM_WITH_NAME = 1241005;
    static final int MISSING_OR_ILLEGAL_PARAM_WITH_NAME = 1241007;
    static final int REPEAT_START = 1241015;
    static final int PLAN_NOT_EXIST = 1243009;
    static final int INSTANCE_NOT_EXIST = 1244006;
    static final int EXECUTE_PLAN_NOT_EXIST = 1244012;
    static final int STEP_TARGET_EMPTY = 1244028;
    static final int SCOPE_QUOTA_EXCEEDED = 1244032;
    static final int PERMISSION_DENIED = 9900403;

    private final int code;
    private final transient JsonNode permission;

    JobApiException(int code, String message) {
        this(code, message, null);
    }

    JobApiException(int code, String message, JsonNode permission) {
        super(message, null, false, false);
        this.code = code;
        this.permission = permission;
    }

    int code() {
        return code;
    }

    JsonNode permission() {
        return permission;
    }

    static JobApiException badRequest(String message) {
        return new JobApiException(BAD_REQUEST, message);
    }

    static JobApiException invalidParam(String name) {
        return new JobApiException(ILLEGAL_PARAM_WITH_NAME, "Invalid request parameter [" + name + "]");
    }

    static JobApiException missingOrInvalidParam(String name) {
        return new JobApiException(MISSING_OR_ILLEGAL_PARAM_WITH_NAME, "Missing or invalid request parameter [" + name + "]");
    }

    static JobApiException illegalParams() {
        return new JobApiException(ILLEGAL_PARAM, "Invalid request parameters");
    }

    static JobApiException instanceNotFound() {
        return new JobApiException(INSTANCE_NOT_EXIST, "Task instance does not exist");
    }
}
