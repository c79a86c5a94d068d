package io.alertjobbridge.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code Authorization: Basic base64(user:password)}. User and password are both compared, in
 * constant time, whatever the first comparison gave, so a right user name does not answer faster.
 */
public final class BasicAuthCheck implements CredentialCheck {

    private final String username;
    private final String password;

    public BasicAuthCheck(String username, String password) {
        if (Objects.requireNonNull(username, "username").isBlank() || username.contains(":")) {
            throw new IllegalArgumentException("basic auth needs a user name without ':'");
        }
        if (Objects.requireNonNull(password, "password").isBlank()) {
            throw new IllegalArgumentException("basic auth needs a password");
        }
        this.username = username;
        this.password = password;
    }

    @Override
    public Verdict check(InboundRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return Verdict.MISSING;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Verdict.MISSING;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Verdict.MISSING;
        }
        boolean userOk = Secrets.same(decoded.substring(0, colon), username);
        boolean passwordOk = Secrets.same(decoded.substring(colon + 1), password);
        return userOk & passwordOk ? Verdict.ADMITTED : Verdict.WRONG;
    }
}
