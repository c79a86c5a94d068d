package io.alertjobbridge.security;

/**
 * A request without an accepted credential. Answered 401 with the same body whatever the reason, so
 * a caller learns nothing about which credential was expected or what was wrong with its own.
 */
public final class UnauthorizedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnauthorizedException() {
        super("unauthorized", null, false, false);
    }
}
