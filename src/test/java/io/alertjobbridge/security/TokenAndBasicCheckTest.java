package io.alertjobbridge.security;

import static io.alertjobbridge.security.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenAndBasicCheckTest {

    private final BearerTokenCheck token = new BearerTokenCheck("t0ken-value");
    /** alertmanager:s3cr3t, encoded with base64(1). */
    private static final String BASIC = "Basic YWxlcnRtYW5hZ2VyOnMzY3IzdA==";
    private final BasicAuthCheck basic = new BasicAuthCheck("alertmanager", "s3cr3t");

    @Test
    void bearer_token_admits_the_token_whatever_the_scheme_case() {
        assertThat(token.check(request("", "Authorization", "Bearer t0ken-value"))).isEqualTo(Verdict.ADMITTED);
        assertThat(token.check(request("", "authorization", "bearer t0ken-value"))).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void bearer_token_refuses_another_token_a_prefix_or_a_longer_one() {
        assertThat(token.check(request("", "Authorization", "Bearer t0ken-valuE"))).isEqualTo(Verdict.WRONG);
        assertThat(token.check(request("", "Authorization", "Bearer t0ken"))).isEqualTo(Verdict.WRONG);
        assertThat(token.check(request("", "Authorization", "Bearer t0ken-value2"))).isEqualTo(Verdict.WRONG);
        assertThat(token.check(request("", "Authorization", "Bearer "))).isEqualTo(Verdict.MISSING);
    }

    @Test
    void bearer_token_absent_or_of_another_scheme_is_missing() {
        assertThat(token.check(request(""))).isEqualTo(Verdict.MISSING);
        assertThat(token.check(request("", "Authorization", "t0ken-value"))).isEqualTo(Verdict.MISSING);
        assertThat(token.check(request("", "Authorization", BASIC))).isEqualTo(Verdict.MISSING);
        assertThat(token.check(request("", "X-Token", "t0ken-value"))).isEqualTo(Verdict.MISSING);
    }

    @Test
    void basic_auth_admits_the_user_and_password() {
        assertThat(basic.check(request("", "Authorization", BASIC))).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void basic_auth_refuses_a_wrong_user_or_password() {
        // alertmanager:wrong and other:s3cr3t
        assertThat(basic.check(request("", "Authorization", "Basic YWxlcnRtYW5hZ2VyOndyb25n"))).isEqualTo(Verdict.WRONG);
        assertThat(basic.check(request("", "Authorization", "Basic b3RoZXI6czNjcjN0"))).isEqualTo(Verdict.WRONG);
    }

    @Test
    void basic_auth_unreadable_is_missing() {
        assertThat(basic.check(request("", "Authorization", "Basic !!!not-base64"))).isEqualTo(Verdict.MISSING);
        // "nocolon"
        assertThat(basic.check(request("", "Authorization", "Basic bm9jb2xvbg=="))).isEqualTo(Verdict.MISSING);
        assertThat(basic.check(request("", "Authorization", "Bearer t0ken-value"))).isEqualTo(Verdict.MISSING);
    }

    @Test
    void checks_need_their_secrets() {
        assertThatThrownBy(() -> new BearerTokenCheck(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BasicAuthCheck("a:b", "p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BasicAuthCheck("a", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
