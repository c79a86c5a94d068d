package io.alertjobbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BoundedJsonTest {

    private final BoundedJson json = new BoundedJson(new IntakeLimits(8, 300, 20));

    private BadRequestException refusal(String body) {
        BadRequestException e = catchThrowableOfType(BadRequestException.class,
                () -> json.parse(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(e).as("refused: %s", body.length() > 80 ? body.substring(0, 80) : body).isNotNull();
        assertThat(e.status()).isEqualTo(400);
        return e;
    }

    @Test
    void within_every_bound_is_read() {
        String body = "{\"a\": [" + "1,".repeat(19) + "1], \"s\": \"" + "x".repeat(300) + "\", \"d\": "
                + "{\"b\": ".repeat(6) + "{}" + "}".repeat(6) + "}";
        assertThatCode(() -> json.parse(body.getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
    }

    @Test
    void nesting_beyond_the_bound_is_too_deep() {
        assertThat(refusal("{\"d\": " + "{\"b\": ".repeat(7) + "{}" + "}".repeat(7) + "}").code()).isEqualTo("too_deep");
        assertThat(refusal("[".repeat(10_000) + "]".repeat(10_000)).code()).isEqualTo("too_deep");
    }

    @Test
    void a_long_string_names_its_field() {
        BadRequestException e = refusal("{\"alerts\": [{\"labels\": {\"x\": \"" + "y".repeat(301) + "\"}}]}");
        assertThat(e.code()).isEqualTo("too_long");
        assertThat(e.field()).isEqualTo("alerts[0].labels.x");
    }

    @Test
    void a_long_key_is_too_long() {
        assertThat(refusal("{\"" + "k".repeat(IntakeLimits.MAX_NAME_CHARS + 1) + "\": 1}").code()).isEqualTo("too_long");
    }

    @Test
    void a_long_list_names_its_field() {
        BadRequestException e = refusal("{\"alerts\": [" + "{},".repeat(20) + "{}]}");
        assertThat(e.code()).isEqualTo("too_many_items");
        assertThat(e.field()).isEqualTo("alerts");
    }

    @Test
    void a_huge_number_is_too_long() {
        assertThat(refusal("{\"n\": " + "9".repeat(101) + "}").code()).isEqualTo("too_long");
    }

    @Test
    void malformed_or_ambiguous_json_is_refused() {
        assertThat(refusal("{\"a\": 1").code()).isEqualTo("malformed_json");
        assertThat(refusal("{\"a\": 1, \"a\": 2}").code()).isEqualTo("malformed_json");
        assertThat(refusal("{} {}").code()).isEqualTo("malformed_json");
        assertThat(refusal("{'a': 1}").code()).isEqualTo("malformed_json");
        assertThat(refusal("{\"a\": NaN}").code()).isEqualTo("malformed_json");
        assertThat(refusal(" \n ").code()).isEqualTo("empty_body");
    }

    @Test
    void invalid_utf8_is_malformed() {
        BadRequestException e = catchThrowableOfType(BadRequestException.class,
                () -> json.parse(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        assertThat(e.code()).isEqualTo("malformed_json");
    }
}
