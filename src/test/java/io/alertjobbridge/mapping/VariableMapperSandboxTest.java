package io.alertjobbridge.mapping;

import static io.alertjobbridge.mapping.Alerts.ALERT_A;
import static io.alertjobbridge.mapping.Alerts.detail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Templates are written by operators, but still must not reach Java, files or the alert itself. */
class VariableMapperSandboxTest {

    private final VariableMapper mapper = new VariableMapper(MappingLimits.defaults());

    /** Renders one string variable: the value, or the exception that compile or render threw. */
    private Object outcome(String template, Map<String, Object> alert) {
        try {
            return mapper.render(mapper.compile(detail("1_1", template)), AlertContextFactory.build(alert, Alerts.action()))
                    .globalVarList().get(0).get("value");
        } catch (MappingException e) {
            return e;
        }
    }

    private Object outcome(String template) {
        return outcome(template, Alerts.parse(ALERT_A));
    }

    @TestFactory
    Stream<DynamicTest> java_methods_cannot_be_called() {
        return Stream.of("{{ alert.getClass() }}", "{{ ''.getClass().forName('java.lang.Runtime') }}",
                        "{{ alert.event.ip.getClass().forName('java.lang.Runtime').getRuntime().exec('id') }}",
                        "{{ 'abc'.toUpperCase() }}", "{{ alert.event.ip.repeat(2000000000) }}",
                        "{{ alert.dimensions.size() }}", "{{ alert.hashCode() }}")
                .map(template -> DynamicTest.dynamicTest(template, () -> {
                    Object outcome = outcome(template);

                    assertThat(outcome).isInstanceOf(MappingException.class);
                    assertThat(((MappingException) outcome).getMessage()).contains("\"1_1\"").contains("not allowed");
                }));
    }

    @Test
    void java_properties_of_values_render_empty() {
        assertThat(outcome("[{{ alert.event.ip.bytes }}][{{ alert.event.ip.class }}][{{ alert.severity.class.name }}]"))
                .isEqualTo("[][][]");
    }

    @Test
    void templates_cannot_change_the_alert() {
        Map<String, Object> alert = Alerts.parse(ALERT_A);
        String before = Alerts.toJson(alert);

        assertThat(outcome("{{ alert.event.clear() }}", alert)).isInstanceOf(MappingException.class);
        assertThat(outcome("{% do alert.event.put('ip', '6.6.6.6') %}", alert)).isInstanceOf(MappingException.class);
        assertThat(outcome("{% do alert.event.update({'ip': '6.6.6.6'}) %}", alert)).isInstanceOf(MappingException.class);
        assertThat(outcome("{% do alert.dimensions.append(1) %}", alert)).isInstanceOf(MappingException.class);
        outcome("{% set e = alert.event %}{% set e.ip = '6.6.6.6' %}", alert);

        assertThat(Alerts.toJson(alert)).isEqualTo(before);
    }

    @TestFactory
    Stream<DynamicTest> files_and_template_rendering_of_data_are_refused_at_compile() {
        return Stream.of("{% include 'application.properties' %}", "{% import 'x.jinja' as x %}",
                        "{% from 'x.jinja' import y %}", "{% extends 'base.jinja' %}",
                        "{{ alert.event.description|render }}", "{{ alert|pprint }}", "{{ ____int3rpr3t3r____ }}")
                .map(template -> DynamicTest.dynamicTest(template, () -> {
                    Throwable thrown = catchThrowable(() -> mapper.compile(detail("1_1", template)));

                    assertThat(thrown).isInstanceOf(MappingException.class)
                            .hasMessageStartingWith("template of key \"1_1\" is invalid");
                }));
    }

    @TestFactory
    Stream<DynamicTest> unknown_filters_and_tests_are_refused_at_compile_even_in_untaken_branches() {
        return Stream.of("{{ alert.event.ip|trimm }}", "{% if false %}{{ alert.event.ip|trimm }}{% endif %}",
                        "{% if alert.event.ip is nosuchtest %}x{% endif %}", "{{ no_such_function(1) }}")
                .map(template -> DynamicTest.dynamicTest(template, () -> {
                    Throwable thrown = catchThrowable(() -> mapper.compile(detail("1000005_3", template)));

                    assertThat(thrown).isInstanceOf(MappingException.class)
                            .hasMessageStartingWith("template of key \"1000005_3\" is invalid");
                }));
    }

    @TestFactory
    Stream<DynamicTest> only_range_namespace_and_type_functions_exist() {
        return Stream.of("{{ today() }}", "{{ datetimeformat(1700000000000, '%Y') }}", "{{ unixtimestamp() }}",
                        "{{ fn:list(1, 2) }}", "{{ super() }}")
                .map(template -> DynamicTest.dynamicTest(template, () ->
                        assertThat(catchThrowable(() -> mapper.compile(detail("1_1", template))))
                                .isInstanceOf(MappingException.class)
                                .hasMessageContaining("Could not resolve function")));
    }

    @Test
    void allowed_functions_and_the_filter_forms_of_the_others_work() {
        assertThat(outcome("{{ range(3)|join(',') }}|{{ type(alert.severity) }}|{{ 1700000000000|datetimeformat('%Y') }}"))
                .isEqualTo("0,1,2|int|2023");
        assertThat(outcome("{% set ns = namespace(n=0) %}{% for d in alert.dimensions %}{% set ns.n = ns.n + 1 %}"
                + "{% endfor %}{{ ns.n }}")).isEqualTo("2");
    }

    @Test
    void filter_that_only_fails_on_missing_data_is_accepted_at_compile() throws Exception {
        // The check run has no alert, so b64decode sees an undefined name; real alerts carry the field.
        CompiledTemplateDetail compiled = mapper.compile(detail("1_1", "{{ alert.payload|b64decode }}"));
        Map<String, Object> alert = Alerts.parse(ALERT_A);
        alert.put("payload", "aGVsbG8=");

        assertThat(mapper.render(compiled, AlertContextFactory.build(alert, Alerts.action())).globalVarList().get(0))
                .containsEntry("value", "hello");
    }

    @Test
    void read_only_helpers_stay_available() {
        assertThat(outcome("{{ alert.event.get('ip') }}|{{ alert.event.get('nope', 'dflt') }}|{{ alert.event.keys()|list|length }}"))
                .isEqualTo("10.0.1.15|dflt|5");
        assertThat(outcome("{% for i in [1, 2, 3] %}{{ loop.cycle('a', 'b') }}{{ loop.index }}{% endfor %}"))
                .isEqualTo("a1b2a3");
        assertThat(outcome("{{ alert.dimensions|selectattr('key', 'equalto', 'bk_target_ip')|map(attribute='value')|first }}"))
                .isEqualTo("10.0.1.15");
    }
}
