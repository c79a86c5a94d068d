package io.alertjobbridge.action;

/** An action file that cannot be used; the message names the file and the problem. Stops the start. */
public final class ActionConfigException extends RuntimeException {
    public ActionConfigException(String message) {
        super(message);
    }

    public ActionConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
