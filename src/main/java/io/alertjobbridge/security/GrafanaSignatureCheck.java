package io.alertjobbridge.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Grafana alerting's webhook signature (Grafana 12+, grafana/alerting http/hmac.go): the lowercase hex
 * HMAC-SHA256, under the contact point's secret, of the raw body, or of {@code <timestamp>:<raw body>}
 * when the contact point names a timestamp header (Grafana has no default name for it; the Unix time
 * in seconds goes there). With a timestamp header configured here, requests without it are refused
 * and the replay window applies as for {@link SignatureCheck}; without one, Grafana's signature alone
 * cannot tell a replay, which the docs say.
 */
public final class GrafanaSignatureCheck implements CredentialCheck {

    public static final String DEFAULT_HEADER = "X-Grafana-Alerting-Signature";
    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}");
    private static final Pattern HEX = Pattern.compile("(?i)[0-9a-f]{64}");

    private final String secret;
    private final String signatureHeader;
    private final String timestampHeader;
    private final long windowSeconds;
    private final Clock clock;
    private final ReplayCache seen;

    /** @param timestampHeader the header Grafana is set to put its timestamp in, or empty for none */
    public GrafanaSignatureCheck(String secret, String signatureHeader, String timestampHeader, long windowSeconds,
                                 Clock clock) {
        if (Objects.requireNonNull(secret, "secret").isBlank()) {
            throw new IllegalArgumentException("a Grafana signature check needs a secret");
        }
        if (windowSeconds < 1) {
            throw new IllegalArgumentException("the replay window must be at least 1 second, got " + windowSeconds);
        }
        this.secret = secret;
        this.signatureHeader = signatureHeader == null || signatureHeader.isBlank() ? DEFAULT_HEADER : signatureHeader;
        this.timestampHeader = timestampHeader == null ? "" : timestampHeader.trim();
        this.windowSeconds = windowSeconds;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.seen = new ReplayCache(100_000);
    }

    /** What Grafana puts in the signature header: with a timestamp, pass it; without, pass null. */
    static String sign(String secret, Long timestampSeconds, byte[] body) {
        return timestampSeconds == null
                ? HmacSha256.hex(secret, body)
                : HmacSha256.hex(secret, (timestampSeconds + ":").getBytes(StandardCharsets.US_ASCII), body);
    }

    @Override
    public Verdict check(InboundRequest request) {
        String signature = request.header(signatureHeader);
        if (signature == null || !HEX.matcher(signature).matches()) {
            return Verdict.MISSING;
        }
        if (timestampHeader.isEmpty()) {
            return HmacSha256.matches(signature, sign(secret, null, request.body())) ? Verdict.ADMITTED : Verdict.WRONG;
        }
        String timestamp = request.header(timestampHeader);
        if (timestamp == null || !SECONDS.matcher(timestamp).matches()) {
            return Verdict.MISSING;
        }
        long ts = Long.parseLong(timestamp);
        String expected = sign(secret, ts, request.body());
        if (!HmacSha256.matches(signature, expected)) {
            return Verdict.WRONG;
        }
        return Freshness.of(ts, windowSeconds, clock, seen, expected);
    }
}
