package io.alertjobbridge.security;

import static io.alertjobbridge.security.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * Known answers for the HMAC checks, with the clock fixed. The expected digests were computed
 * outside Java (openssl dgst -sha256 -hmac), so they check the implementation, not restate it.
 */
class SignatureKnownAnswerTest {

    /** 2025-03-01T10:00:00Z. */
    private static final long NOW = 1_740_823_200L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

    private static Clock at(long seconds) {
        return Clock.fixed(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
    }

    // ---- HMAC-SHA256 itself: RFC 4231 test case 2 ---------------------------------------------------

    @Test
    void hmac_sha256_gives_the_rfc_4231_answer() {
        assertThat(HmacSha256.hex("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    // ---- the generic signature: sha256=hex(HMAC(secret, "<timestamp>.<body>")) ----------------------

    private static final String GENERIC = "c30e0509f959066c423ed0762e819be6fa2130088f7b5edbe98c5fab002f24de";
    private static final String BODY = "{\"id\":\"1\"}";

    private static SignatureCheck generic(Clock clock) {
        return new SignatureCheck("bridge-test-secret", "X-Bridge-Signature", "X-Bridge-Timestamp", 300, clock);
    }

    @Test
    void generic_signature_of_a_known_body_and_time() {
        assertThat(SignatureCheck.sign("bridge-test-secret", NOW, BODY.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=" + GENERIC);
        assertThat(generic(CLOCK).check(request(BODY, "X-Bridge-Signature", "sha256=" + GENERIC,
                "X-Bridge-Timestamp", String.valueOf(NOW)))).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void generic_signature_as_bare_or_upper_case_hex_is_the_same_signature() {
        assertThat(generic(CLOCK).check(request(BODY, "X-Bridge-Signature", GENERIC.toUpperCase(),
                "X-Bridge-Timestamp", String.valueOf(NOW)))).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void generic_signature_of_another_body_timestamp_or_secret_is_wrong() {
        assertThat(generic(CLOCK).check(request(BODY + " ", "X-Bridge-Signature", "sha256=" + GENERIC,
                "X-Bridge-Timestamp", String.valueOf(NOW)))).isEqualTo(Verdict.WRONG);
        assertThat(generic(CLOCK).check(request(BODY, "X-Bridge-Signature", "sha256=" + GENERIC,
                "X-Bridge-Timestamp", String.valueOf(NOW + 1)))).isEqualTo(Verdict.WRONG);
        assertThat(new SignatureCheck("another-secret", "X-Bridge-Signature", "X-Bridge-Timestamp", 300, CLOCK)
                .check(request(BODY, "X-Bridge-Signature", "sha256=" + GENERIC, "X-Bridge-Timestamp", String.valueOf(NOW))))
                .isEqualTo(Verdict.WRONG);
    }

    @Test
    void generic_signature_at_the_edges_of_the_replay_window() {
        String ts = String.valueOf(NOW);
        assertThat(generic(at(NOW + 300)).check(request(BODY, "X-Bridge-Signature", GENERIC, "X-Bridge-Timestamp", ts)))
                .as("300 s late").isEqualTo(Verdict.ADMITTED);
        assertThat(generic(at(NOW + 301)).check(request(BODY, "X-Bridge-Signature", GENERIC, "X-Bridge-Timestamp", ts)))
                .as("301 s late").isEqualTo(Verdict.STALE);
        assertThat(generic(at(NOW - 300)).check(request(BODY, "X-Bridge-Signature", GENERIC, "X-Bridge-Timestamp", ts)))
                .as("300 s early (sender's clock ahead)").isEqualTo(Verdict.ADMITTED);
        assertThat(generic(at(NOW - 301)).check(request(BODY, "X-Bridge-Signature", GENERIC, "X-Bridge-Timestamp", ts)))
                .as("301 s early").isEqualTo(Verdict.STALE);
    }

    @Test
    void the_same_generic_signature_twice_is_a_replay() {
        SignatureCheck check = generic(CLOCK);
        InboundRequest r = request(BODY, "X-Bridge-Signature", "sha256=" + GENERIC, "X-Bridge-Timestamp", String.valueOf(NOW));

        assertThat(check.check(r)).isEqualTo(Verdict.ADMITTED);
        assertThat(check.check(r)).isEqualTo(Verdict.REPLAYED);
    }

    @Test
    void a_wrong_signature_does_not_use_up_the_right_one() {
        SignatureCheck check = generic(CLOCK);
        String wrong = GENERIC.substring(0, 63) + (GENERIC.endsWith("e") ? "f" : "e");

        assertThat(check.check(request(BODY, "X-Bridge-Signature", wrong, "X-Bridge-Timestamp", String.valueOf(NOW))))
                .isEqualTo(Verdict.WRONG);
        assertThat(check.check(request(BODY, "X-Bridge-Signature", GENERIC, "X-Bridge-Timestamp", String.valueOf(NOW))))
                .isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void generic_signature_without_its_headers_or_unreadable_is_missing() {
        SignatureCheck check = generic(CLOCK);
        assertThat(check.check(request(BODY))).isEqualTo(Verdict.MISSING);
        assertThat(check.check(request(BODY, "X-Bridge-Signature", GENERIC))).isEqualTo(Verdict.MISSING);
        assertThat(check.check(request(BODY, "X-Bridge-Timestamp", String.valueOf(NOW)))).isEqualTo(Verdict.MISSING);
        assertThat(check.check(request(BODY, "X-Bridge-Signature", "sha1=" + GENERIC, "X-Bridge-Timestamp",
                String.valueOf(NOW)))).isEqualTo(Verdict.MISSING);
        assertThat(check.check(request(BODY, "X-Bridge-Signature", GENERIC, "X-Bridge-Timestamp", "2025-03-01")))
                .isEqualTo(Verdict.MISSING);
        assertThat(check.check(request(BODY, "X-Bridge-Signature", GENERIC, "X-Bridge-Timestamp", "-1")))
                .isEqualTo(Verdict.MISSING);
    }

    // ---- Grafana: hex(HMAC(secret, body)) or hex(HMAC(secret, "<timestamp>:<body>")) ----------------

    @Test
    void grafana_signature_of_the_body_alone() {
        GrafanaSignatureCheck check = new GrafanaSignatureCheck("secret", null, "", 300, CLOCK);
        String expected = "3bcebf43c85d20bba6e3b6ba278af1d2ba3ab0d57de271b0ad30b833e851c5a6";

        assertThat(GrafanaSignatureCheck.sign("secret", null, "test message".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(expected);
        assertThat(check.check(request("test message", "X-Grafana-Alerting-Signature", expected)))
                .isEqualTo(Verdict.ADMITTED);
        assertThat(check.check(request("test message!", "X-Grafana-Alerting-Signature", expected)))
                .isEqualTo(Verdict.WRONG);
    }

    @Test
    void grafana_signature_with_its_timestamp() {
        GrafanaSignatureCheck check = new GrafanaSignatureCheck("secret", "X-Grafana-Alerting-Signature",
                "X-Grafana-Alerting-Timestamp", 300, CLOCK);
        String expected = "537768175390322572df551f3d7a016feb55e737546bfe1f1ef868b26153b689";

        assertThat(GrafanaSignatureCheck.sign("secret", NOW, "test message".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(expected);
        InboundRequest signed = request("test message", "X-Grafana-Alerting-Signature", expected,
                "X-Grafana-Alerting-Timestamp", String.valueOf(NOW));
        assertThat(check.check(signed)).isEqualTo(Verdict.ADMITTED);
        assertThat(check.check(signed)).as("the same again").isEqualTo(Verdict.REPLAYED);
        assertThat(check.check(request("test message", "X-Grafana-Alerting-Signature", expected)))
                .as("timestamp header configured but absent").isEqualTo(Verdict.MISSING);
        assertThat(new GrafanaSignatureCheck("secret", null, "X-Grafana-Alerting-Timestamp", 300, at(NOW + 301))
                .check(signed)).isEqualTo(Verdict.STALE);
    }

    @Test
    void grafana_signature_header_name_is_configurable() {
        GrafanaSignatureCheck check = new GrafanaSignatureCheck("secret", "X-Signature", "", 300, CLOCK);
        String expected = "3bcebf43c85d20bba6e3b6ba278af1d2ba3ab0d57de271b0ad30b833e851c5a6";

        assertThat(check.check(request("test message", "X-Signature", expected))).isEqualTo(Verdict.ADMITTED);
        assertThat(check.check(request("test message", "X-Grafana-Alerting-Signature", expected)))
                .isEqualTo(Verdict.MISSING);
    }

    @Test
    void grafana_signature_with_a_sha256_prefix_is_not_grafanas() {
        GrafanaSignatureCheck check = new GrafanaSignatureCheck("secret", null, "", 300, CLOCK);
        assertThat(check.check(request("test message", "X-Grafana-Alerting-Signature",
                "sha256=3bcebf43c85d20bba6e3b6ba278af1d2ba3ab0d57de271b0ad30b833e851c5a6"))).isEqualTo(Verdict.MISSING);
    }
}
