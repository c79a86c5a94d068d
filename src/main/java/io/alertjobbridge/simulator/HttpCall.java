package io.alertjobbridge.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request to a front door, reduced to what the simulator reads, so the HTTP handling is testable without a
 * server. {@code authorization} is the X-Bkapi-Authorization header, {@code username} the X-Bk-Username header.
 */
record HttpCall(Door door, String api, String method, String rawQuery, String body, String authorization,
                String username) {

    /** Query parameters, decoded; the first of repeated names wins. */
    Map<String, String> queryParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    boolean isGet() {
        return "GET".equalsIgnoreCase(method);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
