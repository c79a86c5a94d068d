package io.alertjobbridge.security;

import java.util.Locale;
import java.util.Objects;

/** {@code Authorization: Bearer <token>}, the token compared in constant time. */
public final class BearerTokenCheck implements CredentialCheck {

    private final String token;

    public BearerTokenCheck(String token) {
        if (Objects.requireNonNull(token, "token").isBlank()) {
            throw new IllegalArgumentException("a bearer token check needs a token");
        }
        this.token = token;
    }

    @Override
    public Verdict check(InboundRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return Verdict.MISSING;
        }
        return Secrets.same(authorization.substring(7).trim(), token) ? Verdict.ADMITTED : Verdict.WRONG;
    }
}
