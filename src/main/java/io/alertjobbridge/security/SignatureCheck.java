package io.alertjobbridge.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The generic body signature: the sender puts the Unix time in seconds in the timestamp header and
 * {@code sha256=<hex>} (or the bare hex) in the signature header, where hex is the lowercase
 * HMAC-SHA256 of {@code <timestamp>.<raw body>} under the shared secret. A request is admitted when
 * the signature matches, the timestamp is within the replay window of this bridge's clock (either
 * side), and the same signature was not used before. Each delivery attempt is signed anew with its
 * own timestamp, so a retry is never taken for a replay.
 */
public final class SignatureCheck implements CredentialCheck {

    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}");
    private static final Pattern HEX = Pattern.compile("(?i)(sha256=)?[0-9a-f]{64}");

    private final String secret;
    private final String signatureHeader;
    private final String timestampHeader;
    private final long windowSeconds;
    private final Clock clock;
    private final ReplayCache seen;

    public SignatureCheck(String secret, String signatureHeader, String timestampHeader, long windowSeconds,
                          Clock clock) {
        this(secret, signatureHeader, timestampHeader, windowSeconds, clock, new ReplayCache(100_000));
    }

    SignatureCheck(String secret, String signatureHeader, String timestampHeader, long windowSeconds, Clock clock,
                   ReplayCache seen) {
        if (Objects.requireNonNull(secret, "secret").isBlank()) {
            throw new IllegalArgumentException("a signature check needs a secret");
        }
        if (Objects.requireNonNull(signatureHeader, "signatureHeader").isBlank()
                || Objects.requireNonNull(timestampHeader, "timestampHeader").isBlank()) {
            throw new IllegalArgumentException("a signature check needs a signature and a timestamp header name");
        }
        if (windowSeconds < 1) {
            throw new IllegalArgumentException("the replay window must be at least 1 second, got " + windowSeconds);
        }
        this.secret = secret;
        this.signatureHeader = signatureHeader;
        this.timestampHeader = timestampHeader;
        this.windowSeconds = windowSeconds;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.seen = seen;
    }

    /** The header value a sender puts in the signature header for this body at this time. */
    static String sign(String secret, long timestampSeconds, byte[] body) {
        return "sha256=" + HmacSha256.hex(secret, (timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII), body);
    }

    @Override
    public Verdict check(InboundRequest request) {
        String signature = request.header(signatureHeader);
        String timestamp = request.header(timestampHeader);
        if (signature == null || timestamp == null || !HEX.matcher(signature).matches()
                || !SECONDS.matcher(timestamp).matches()) {
            return Verdict.MISSING;
        }
        String hex = signature.length() > 64 ? signature.substring(7) : signature;
        long ts = Long.parseLong(timestamp);
        String expected = HmacSha256.hex(secret, (ts + ".").getBytes(StandardCharsets.US_ASCII), request.body());
        if (!HmacSha256.matches(hex, expected)) {
            return Verdict.WRONG;
        }
        return Freshness.of(ts, windowSeconds, clock, seen, expected);
    }
}
