package io.alertjobbridge.callback;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where result callbacks go, checked against the allowlist of hosts (bridge.callbacks.allowed-hosts):
 * an entry is a host name or address, optionally with a port, or {@code *.example.com} for every
 * subdomain. A URL that is not http(s), carries credentials, or names a host off the list is refused
 * at start, so a typo or a hostile action file cannot make the bridge post results anywhere.
 */
public final class CallbackTargets {

    private final List<String> globalUrls;
    private final Set<String> allowedHosts;

    public CallbackTargets(List<String> globalUrls, Set<String> allowedHosts) {
        this.allowedHosts = Set.copyOf(allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList());
        List<String> urls = new ArrayList<>();
        for (String url : globalUrls) {
            urls.add(check("bridge.callbacks.urls", url));
        }
        this.globalUrls = List.copyOf(urls);
    }

    /** The URLs a finished action's result goes to: the global ones, then the action's own. */
    public List<String> forAction(List<String> actionUrls) {
        List<String> out = new ArrayList<>(globalUrls);
        out.addAll(actionUrls);
        return out;
    }

    /** Returns the URL when it may be used, else throws naming {@code where} and the reason. */
    public String check(String where, String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + ": callback URL is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(where + ": callback URL must be http or https: " + url);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException(where + ": callback URL has no host: " + url);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(where + ": callback URL must not carry credentials");
        }
        if (!allowed(uri.getHost().toLowerCase(Locale.ROOT), uri.getPort())) {
            throw new IllegalArgumentException(where + ": callback host " + uri.getHost()
                    + " is not in bridge.callbacks.allowed-hosts");
        }
        return uri.toString();
    }

    private boolean allowed(String host, int port) {
        for (String entry : allowedHosts) {
            String entryHost = entry;
            int entryPort = -1;
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && entry.indexOf(']') < colon && entry.substring(colon + 1).matches("\\d{1,5}")) {
                entryHost = entry.substring(0, colon);
                entryPort = Integer.parseInt(entry.substring(colon + 1));
            }
            if (entryPort != -1 && entryPort != port) {
                continue;
            }
            if (entryHost.startsWith("*.") ? host.endsWith(entryHost.substring(1)) : host.equals(entryHost)) {
                return true;
            }
        }
        return false;
    }
}
