package io.alertjobbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AlertIntakeContentTypeTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "application/json", "application/json; charset=utf-8", "Application/JSON",
            "application/vnd.x+json", "application/problem+json; charset=UTF-8"})
    void json_or_undeclared_content_type_is_accepted(String contentType) {
        assertThatCode(() -> AlertIntake.requireJson(contentType)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "text/json", "application/jsonx"})
    void other_content_type_is_refused_with_415(String contentType) {
        assertThatThrownBy(() -> AlertIntake.requireJson(contentType))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(415);
                    assertThat(e.code()).isEqualTo("unsupported_media_type");
                    assertThat(e.getMessage())
                            .contains(contentType.split(";")[0].trim());
                });
    }
}
