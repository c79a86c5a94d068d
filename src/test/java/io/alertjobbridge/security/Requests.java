package io.alertjobbridge.security;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Requests for the credential checks: headers by name, case-insensitively, as the HTTP server gives them. */
final class Requests {

    private Requests() {
    }

    static InboundRequest request(String body, String... headerPairs) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], headerPairs[i + 1]);
        }
        return new InboundRequest(headers::get, body.getBytes(StandardCharsets.UTF_8));
    }
}
