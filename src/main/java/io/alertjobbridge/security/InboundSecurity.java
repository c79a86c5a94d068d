package io.alertjobbridge.security;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credential settings of every inbound endpoint, built once per endpoint. The built-in endpoints
 * and every endpoint named in a {@code bridge.intake.<endpoint>.*} key are built at start, so a
 * setting that cannot work stops the start; a custom source that relies on the shared settings is
 * built on its first request from the same, already checked, shared keys.
 */
public final class InboundSecurity {

    private final EndpointAuthSettings settings;
    private final Map<String, EndpointAuth> endpoints = new ConcurrentHashMap<>();

    public InboundSecurity(EndpointAuthSettings settings) {
        this.settings = settings;
    }

    /**
     * Builds the named endpoints and those that the property names mention, failing on the first
     * that cannot work and on any {@code bridge.intake.<endpoint>.<key>} whose key is unknown.
     */
    public void validate(Collection<String> builtIn, Collection<String> propertyNames) {
        Set<String> names = new TreeSet<>(builtIn);
        for (String name : propertyNames) {
            if (!name.startsWith(EndpointAuthSettings.PREFIX)) {
                continue;
            }
            String rest = name.substring(EndpointAuthSettings.PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot < 0) {
                continue;
            }
            String key = rest.substring(dot + 1);
            if (!EndpointAuthSettings.KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown setting " + name + " (an endpoint's keys are "
                        + String.join(", ", new TreeSet<>(EndpointAuthSettings.KEYS)) + ")");
            }
            names.add(rest.substring(0, dot));
        }
        for (String endpoint : names) {
            forEndpoint(endpoint);
        }
    }

    public EndpointAuth forEndpoint(String endpoint) {
        EndpointAuth known = endpoints.get(endpoint);
        return known != null ? known : endpoints.computeIfAbsent(endpoint, settings::build);
    }

    /** The endpoints built so far, by name. */
    public Map<String, EndpointAuth> endpoints() {
        return Map.copyOf(endpoints);
    }
}
