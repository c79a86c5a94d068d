package io.alertjobbridge.security;

import java.util.List;
import java.util.Objects;

/**
 * The credentials one inbound endpoint accepts: any one of its checks admits a request. An endpoint
 * configured with {@code auth = none} has no checks and admits everything.
 */
public final class EndpointAuth {

    private final String endpoint;
    private final List<String> schemes;
    private final List<CredentialCheck> checks;

    EndpointAuth(String endpoint, List<String> schemes, List<CredentialCheck> checks) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.schemes = List.copyOf(schemes);
        this.checks = List.copyOf(checks);
    }

    public String endpoint() {
        return endpoint;
    }

    /** The configured schemes by name (token, basic, hmac, grafana-hmac), empty when open. */
    public List<String> schemes() {
        return schemes;
    }

    public boolean isOpen() {
        return checks.isEmpty();
    }

    public Verdict check(InboundRequest request) {
        if (checks.isEmpty()) {
            return Verdict.ADMITTED;
        }
        Verdict refusal = Verdict.MISSING;
        for (CredentialCheck check : checks) {
            Verdict v = check.check(request);
            if (v == Verdict.ADMITTED) {
                return v;
            }
            refusal = refusal.moreTelling(v);
        }
        return refusal;
    }
}
