package io.alertjobbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalLogTest {

    @Test
    void logs_the_first_refusal_then_one_line_a_minute_with_the_count() {
        RefusalLog log = new RefusalLog();

        assertThat(log.record("grafana", Verdict.WRONG, 0)).isZero();
        assertThat(log.record("grafana", Verdict.WRONG, 1_000)).isEqualTo(-1);
        assertThat(log.record("grafana", Verdict.WRONG, 59_999)).isEqualTo(-1);
        assertThat(log.record("grafana", Verdict.MISSING, 59_999)).as("another reason").isZero();
        assertThat(log.record("alertmanager", Verdict.WRONG, 59_999)).as("another endpoint").isZero();
        assertThat(log.record("grafana", Verdict.WRONG, 60_000)).isEqualTo(2);
        assertThat(log.record("grafana", Verdict.WRONG, 60_001)).isEqualTo(-1);
    }
}
