package io.alertjobbridge.api;

/** The resource named in the path does not exist: answered 404 with a JSON error. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
