package io.alertjobbridge.security;

/** Signs requests as senders do, for tests outside this package (the signing functions are package-private). */
public final class TestSigning {

    private TestSigning() {
    }

    /** The generic signature header value: sha256=hex(HMAC(key, "<ts>.<body>")). */
    public static String generic(String key, long timestampSeconds, byte[] body) {
        return SignatureCheck.sign(key, timestampSeconds, body);
    }

    /** Grafana's signature header value with a timestamp: hex(HMAC(key, "<ts>:<body>")). */
    public static String grafana(String key, long timestampSeconds, byte[] body) {
        return GrafanaSignatureCheck.sign(key, timestampSeconds, body);
    }
}
