package io.alertjobbridge.store;

/** The store could not be read or written; the caller's unit of work was rolled back. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
