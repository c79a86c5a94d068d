package io.alertjobbridge.mapping;

import static io.alertjobbridge.mapping.Alerts.ALERT_A;
import static io.alertjobbridge.mapping.Alerts.context;
import static io.alertjobbridge.mapping.Alerts.detail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VariableMapperLimitsTest {

    @Test
    void value_over_the_output_limit_fails_with_the_limit_in_the_message() throws Exception {
        VariableMapper mapper = new VariableMapper(new MappingLimits(100, 1000, 10, 1000));
        // severity 2 -> 200 characters; the compile check runs with no alert (range(0)) and passes.
        CompiledTemplateDetail compiled = mapper.compile(detail("1000004_1", "{% for i in range(alert.severity * 100) %}x{% endfor %}"));

        assertThatThrownBy(() -> mapper.render(compiled, context(ALERT_A)))
                .isInstanceOf(MappingException.class)
                .hasMessage("key \"1000004_1\" rendered more than 100 bytes, the limit for one value");
    }

    @Test
    void output_limit_counts_utf8_bytes() throws Exception {
        VariableMapper mapper = new VariableMapper(new MappingLimits(20, 1000, 10, 1000));

        assertThat(mapper.render(mapper.compile(detail("1_1", "清理临时文件")), context(ALERT_A)).globalVarList())
                .hasSize(1); // 18 bytes
        assertThatThrownBy(() -> mapper.compile(detail("1_1", "清理临时文件清")))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("more than 20 bytes");
    }

    @Test
    void literal_over_the_output_limit_fails_at_compile() {
        VariableMapper mapper = new VariableMapper(new MappingLimits(100, 1000, 10, 1000));

        assertThatThrownBy(() -> mapper.compile(detail("1_1", "{% for i in range(200) %}x{% endfor %}")))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("\"1_1\"")
                .hasMessageContaining("more than 100 bytes");
    }

    @Test
    void range_is_capped_at_the_range_limit() throws Exception {
        VariableMapper mapper = new VariableMapper(new MappingLimits(64 * 1024, 50, 10, 1000));

        assertThat(mapper.render(mapper.compile(detail("1_1", "{{ range(100000)|length }}")), context(ALERT_A))
                .globalVarList().get(0)).containsEntry("value", "50");
    }

    @Test
    void runaway_loops_that_print_nothing_stop_at_the_time_budget() throws Exception {
        // Generous enough that the compile check never trips it on a busy build machine.
        VariableMapper mapper = new VariableMapper(new MappingLimits(64 * 1024, 1000, 10, 1000));
        // A billion iterations for severity 2; none in the compile check, which has no alert.
        String loop = "{% for i in range(alert.severity * 500) %}";
        CompiledTemplateDetail compiled = mapper.compile(detail("1_1",
                loop + loop + loop + "{% endfor %}{% endfor %}{% endfor %}"));

        long started = System.nanoTime();
        assertThatThrownBy(() -> mapper.render(compiled, context(ALERT_A)))
                .isInstanceOf(MappingException.class)
                .hasMessage("key \"1_1\" took longer than 1000 ms to render, the limit for one value");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(15_000); // unbounded: many minutes
    }

    @Test
    void recursive_macros_do_not_recurse() throws Exception {
        VariableMapper mapper = new VariableMapper(MappingLimits.defaults());
        CompiledTemplateDetail compiled = mapper.compile(detail("1_1", "{% macro f(n) %}{{ f(n) }}{% endmacro %}x{{ f(1) }}"));

        assertThat(mapper.render(compiled, context(ALERT_A)).globalVarList().get(0)).containsEntry("value", "x");
    }

    @Test
    void limits_must_be_positive() {
        assertThatThrownBy(() -> new MappingLimits(0, 1, 1, 1)).hasMessageContaining("maxOutputBytes");
        assertThatThrownBy(() -> new MappingLimits(1, -1, 1, 1)).hasMessageContaining("maxRangeSize");
        assertThatThrownBy(() -> new MappingLimits(1, 1, 0, 1)).hasMessageContaining("maxRenderDepth");
        assertThatThrownBy(() -> new MappingLimits(1, 1, 1, 0)).hasMessageContaining("maxRenderMillis");
    }
}
