package io.alertjobbridge.security;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a credential check reads of a request: its headers (looked up by name, case-insensitively by
 * the caller) and the body exactly as received, since a signature covers the raw bytes, not the
 * JSON they parse into.
 */
public record InboundRequest(UnaryOperator<String> headers, byte[] body) {

    public InboundRequest {
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body;
    }

    /** The header's value, or null when absent or blank. */
    public String header(String name) {
        String v = headers.apply(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
