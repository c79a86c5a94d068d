package io.alertjobbridge.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads one endpoint's credential settings from the {@code bridge.intake.*} keys: each key
 * {@code bridge.intake.<endpoint>.<key>} overrides {@code bridge.intake.<key>} for that endpoint. A
 * scheme without what it needs (a token, a password, a secret) stops the start naming the key; no
 * message ever carries a value.
 */
public final class EndpointAuthSettings {

    public static final String PREFIX = "bridge.intake.";
    /** The keys that may follow {@code bridge.intake.} or {@code bridge.intake.<endpoint>.}. */
    public static final Set<String> KEYS = Set.of("auth", "token", "basic-username", "basic-password", "hmac-secret",
            "signature-header", "timestamp-header", "grafana-signature-header", "grafana-timestamp-header",
            "replay-window-seconds");
    public static final Set<String> SCHEMES = Set.of("token", "basic", "hmac", "grafana-hmac", "none");
    /** Endpoint names: they are also source names (stored in a 32-character column) and URL segments. */
    public static final Pattern ENDPOINT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,23}");

    private final Function<String, String> properties;
    private final Clock clock;

    /** @param properties the value of a property key, or null when it is not set */
    public EndpointAuthSettings(Function<String, String> properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public EndpointAuth build(String endpoint) {
        if (endpoint == null || !ENDPOINT_NAME.matcher(endpoint).matches()) {
            throw new IllegalArgumentException("endpoint name '" + endpoint
                    + "' must be 1-24 lower-case letters, digits and '-'");
        }
        Set<String> schemes = new LinkedHashSet<>();
        for (String s : value(endpoint, "auth").split(",")) {
            String scheme = s.trim().toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(scheme)) {
                throw new IllegalArgumentException(key(endpoint, "auth") + " must list token, basic, hmac,"
                        + " grafana-hmac or none, got '" + s.trim() + "'");
            }
            schemes.add(scheme);
        }
        if (schemes.contains("none")) {
            if (schemes.size() > 1) {
                throw new IllegalArgumentException(key(endpoint, "auth") + ": none cannot be combined with other schemes");
            }
            return new EndpointAuth(endpoint, List.of(), List.of());
        }
        List<CredentialCheck> checks = new ArrayList<>();
        for (String scheme : schemes) {
            checks.add(switch (scheme) {
                case "token" -> new BearerTokenCheck(required(endpoint, "token"));
                case "basic" -> new BasicAuthCheck(required(endpoint, "basic-username"),
                        required(endpoint, "basic-password"));
                case "hmac" -> new SignatureCheck(required(endpoint, "hmac-secret"), required(endpoint, "signature-header"),
                        required(endpoint, "timestamp-header"), window(endpoint), clock);
                case "grafana-hmac" -> new GrafanaSignatureCheck(required(endpoint, "hmac-secret"),
                        value(endpoint, "grafana-signature-header"), value(endpoint, "grafana-timestamp-header"),
                        window(endpoint), clock);
                default -> throw new IllegalStateException("scheme " + scheme);
            });
        }
        return new EndpointAuth(endpoint, List.copyOf(schemes), checks);
    }

    /** The endpoint's own value, else the shared one, else empty. */
    private String value(String endpoint, String key) {
        String own = properties.apply(key(endpoint, key));
        if (own != null && !own.isBlank()) {
            return own.trim();
        }
        String shared = properties.apply(PREFIX + key);
        return shared == null ? "" : shared.trim();
    }

    private String required(String endpoint, String key) {
        String v = value(endpoint, key);
        if (v.isEmpty()) {
            throw new IllegalArgumentException("endpoint " + endpoint + " takes " + value(endpoint, "auth")
                    + " credentials, but neither " + key(endpoint, key) + " nor " + PREFIX + key + " is set");
        }
        return v;
    }

    private long window(String endpoint) {
        String v = value(endpoint, "replay-window-seconds");
        try {
            long w = Long.parseLong(v);
            if (w < 1 || w > 86_400) {
                throw new NumberFormatException();
            }
            return w;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key(endpoint, "replay-window-seconds")
                    + " must be a number of seconds from 1 to 86400, got '" + v + "'");
        }
    }

    private static String key(String endpoint, String key) {
        return PREFIX + endpoint + "." + key;
    }
}
