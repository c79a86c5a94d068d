package io.alertjobbridge.mapping;

import static io.alertjobbridge.mapping.Alerts.ALERT_A;
import static io.alertjobbridge.mapping.Alerts.ALERT_B;
import static io.alertjobbridge.mapping.Alerts.ALERT_D;
import static io.alertjobbridge.mapping.Alerts.context;
import static io.alertjobbridge.mapping.Alerts.detail;
import static io.alertjobbridge.mapping.Alerts.toJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class VariableMapperTest {

    private final VariableMapper mapper = new VariableMapper(MappingLimits.defaults());

    private MappedVariables map(Map<String, String> templateDetail, String alertJson) throws MappingException {
        return mapper.render(mapper.compile(templateDetail), context(alertJson));
    }

    private String globalVarsJson(Map<String, String> templateDetail, String alertJson) throws MappingException {
        return toJson(map(templateDetail, alertJson).globalVarList());
    }

    /** The value a single non-host variable renders to. */
    private String value(String template, String alertJson) throws MappingException {
        return (String) map(detail("1000_1", template), alertJson).globalVarList().get(0).get("value");
    }

    // --- the examples ------------------------------------------------------------------------------

    @Test
    void disk_clean_up_example_maps_to_the_documented_global_var_list() throws Exception {
        String json = globalVarsJson(detail("1000005_3", "{{alert.event.ip}}", "1000004_1", "清理临时文件"), ALERT_A);

        assertThat(json).isEqualTo("[{\"id\":1000005,\"server\":{\"ip_list\":[{\"bk_cloud_id\":0,\"ip\":\"10.0.1.15\"}]}},"
                + "{\"id\":1000004,\"value\":\"清理临时文件\"}]");
    }

    @Test
    void ui_default_host_template_targets_the_alert_host_in_its_cloud_area() throws Exception {
        String json = globalVarsJson(
                detail("1000005_3", "{{target.host.bk_cloud_id}}:{{target.host.bk_host_innerip}}"), ALERT_B);

        assertThat(json).isEqualTo("[{\"id\":1000005,\"server\":{\"ip_list\":[{\"bk_cloud_id\":2,\"ip\":\"172.16.8.4\"}]}}]");
    }

    @Test
    void global_var_list_holds_plain_longs_strings_maps_and_lists() throws Exception {
        MappedVariables mapped = map(detail("1000005_3", "{{alert.event.ip}}", "1000004_1", "x"), ALERT_A);

        Map<String, Object> hosts = mapped.globalVarList().get(0);
        assertThat(hosts.get("id")).isEqualTo(1000005L);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ipList = (List<Map<String, Object>>) ((Map<String, Object>) hosts.get("server")).get("ip_list");
        assertThat(ipList).containsExactly(Map.of("bk_cloud_id", 0L, "ip", "10.0.1.15"));
        assertThat(mapped.globalVarList().get(1)).isEqualTo(Map.of("id", 1000004L, "value", "x"));
    }

    // --- host lists --------------------------------------------------------------------------------

    @Test
    void several_ips_go_into_one_entry_without_duplicates() throws Exception {
        String json = globalVarsJson(detail("1000005_3", "0:10.0.1.15;0:10.0.1.16, 3:10.0.1.17 10.0.1.15"), ALERT_A);

        assertThat(json).isEqualTo("[{\"id\":1000005,\"server\":{\"ip_list\":["
                + "{\"bk_cloud_id\":0,\"ip\":\"10.0.1.15\"},"
                + "{\"bk_cloud_id\":0,\"ip\":\"10.0.1.16\"},"
                + "{\"bk_cloud_id\":3,\"ip\":\"10.0.1.17\"}]}}]");
    }

    @Test
    void bare_ip_takes_the_cloud_id_of_the_alert_event() throws Exception {
        String json = globalVarsJson(detail("1000005_3", "{{alert.event.ip}} 10.9.9.9"), ALERT_B);

        assertThat(json).isEqualTo("[{\"id\":1000005,\"server\":{\"ip_list\":["
                + "{\"bk_cloud_id\":2,\"ip\":\"172.16.8.4\"},{\"bk_cloud_id\":2,\"ip\":\"10.9.9.9\"}]}}]");
    }

    @Test
    void ipv6_is_accepted_bare_and_bracketed_after_a_cloud_id() throws Exception {
        String json = globalVarsJson(detail("1000005_3", "fd00::15; 2:[fd00::15] [FD00:0:0::15]"), ALERT_A);

        assertThat(json).isEqualTo("[{\"id\":1000005,\"server\":{\"ip_list\":["
                + "{\"bk_cloud_id\":0,\"ip\":\"fd00::15\"},{\"bk_cloud_id\":2,\"ip\":\"fd00::15\"}]}}]");
    }

    @Test
    void empty_host_value_leaves_the_variable_out_so_the_plan_default_applies() throws Exception {
        MappedVariables mapped = map(detail("1000005_3", "{{alert.event.ip}}", "1000006_3", " ;, \n", "1000004_1", "x"),
                ALERT_D);

        assertThat(toJson(mapped.globalVarList())).isEqualTo("[{\"id\":1000004,\"value\":\"x\"}]");
        assertThat(mapped.maskedGlobalVarList()).isEqualTo(mapped.globalVarList());
    }

    @TestFactory
    Stream<DynamicTest> a_piece_that_is_not_an_ip_fails_naming_the_key_and_the_piece() {
        return Stream.of("10.0.1.300", "host-a").map(piece -> DynamicTest.dynamicTest(piece, () -> {
            CompiledTemplateDetail compiled = mapper.compile(detail("1000005_3", "10.0.1.15;" + piece));

            assertThatThrownBy(() -> mapper.render(compiled, context(ALERT_A)))
                    .isInstanceOf(MappingException.class)
                    .hasMessageContaining("\"1000005_3\"")
                    .hasMessageContaining("\"" + piece + "\"");
        }));
    }

    @Test
    void default_host_template_on_an_alert_without_host_fails_instead_of_sending_an_empty_ip() {
        assertThatThrownBy(() -> map(detail("1000005_3", "{{target.host.bk_cloud_id}}:{{target.host.bk_host_innerip}}"),
                ALERT_D))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("\"1000005_3\"")
                .hasMessageContaining("\":\"");
    }

    // --- other categories --------------------------------------------------------------------------

    @Test
    void other_categories_send_the_rendered_string_and_empty_stays_empty() throws Exception {
        String json = globalVarsJson(detail("11_1", "", "12_2", "ns-{{ alert.id }}", "15_5", "([env]=prod)",
                "16_6", "(web1 web2)"), ALERT_A);

        assertThat(json).isEqualTo("[{\"id\":11,\"value\":\"\"},{\"id\":12,\"value\":\"ns-17480001200000117\"},"
                + "{\"id\":15,\"value\":\"([env]=prod)\"},{\"id\":16,\"value\":\"(web1 web2)\"}]");
    }

    @Test
    void output_follows_template_detail_order() throws Exception {
        MappedVariables mapped = map(detail("30_1", "c", "10_3", "10.0.0.1", "20_4", "b", "5_1", "a"), ALERT_A);

        assertThat(mapped.globalVarList()).extracting(entry -> entry.get("id")).containsExactly(30L, 10L, 20L, 5L);
        assertThat(mapped.maskedGlobalVarList()).extracting(entry -> entry.get("id")).containsExactly(30L, 10L, 20L, 5L);
    }

    // --- cipher ------------------------------------------------------------------------------------

    @Test
    void cipher_value_is_sent_but_masked_in_the_stored_list_and_in_to_string() throws Exception {
        MappedVariables mapped = map(detail("1000004_1", "plain", "1000006_4", "p@ss-{{ alert.event.bk_host_id }}"),
                ALERT_A);

        assertThat(mapped.globalVarList().get(1)).isEqualTo(Map.of("id", 1000006L, "value", "p@ss-1001"));
        assertThat(mapped.maskedGlobalVarList().get(1)).isEqualTo(Map.of("id", 1000006L, "value", "******"));
        assertThat(mapped.maskedGlobalVarList().get(0)).isEqualTo(Map.of("id", 1000004L, "value", "plain"));
        assertThat(toJson(mapped.maskedGlobalVarList())).doesNotContain("p@ss");
        assertThat(mapped.toString()).doesNotContain("p@ss").contains("******");
    }

    @Test
    void cipher_template_syntax_error_does_not_show_the_template() {
        Map<String, String> detail = detail("1000006_4", "s3cr3t-{{ s3cr3t( }}");

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> mapper.compile(detail));

        assertThat(thrown).isInstanceOf(MappingException.class).hasMessageContaining("\"1000006_4\"").hasNoCause();
        assertThat(thrown.getMessage()).doesNotContain("s3cr3t");
    }

    @Test
    void cipher_render_error_does_not_show_the_template() throws Exception {
        // Compiles (no variables: null * 2 is 0) but fails on a real alert: "10.0.1.15" is not a number.
        CompiledTemplateDetail compiled = mapper.compile(detail("1000006_4", "s3cr3t-{{ alert.event.ip * 2 }}"));

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> mapper.render(compiled, context(ALERT_A)));

        assertThat(thrown).isInstanceOf(MappingException.class).hasMessageContaining("\"1000006_4\"").hasNoCause();
        assertThat(thrown.getMessage()).doesNotContain("s3cr3t").doesNotContain("10.0.1.15");
    }

    @Test
    void compiled_detail_prints_keys_only() throws Exception {
        CompiledTemplateDetail compiled = mapper.compile(detail("1000004_1", "x", "1000006_4", "s3cr3t"));

        assertThat(compiled).hasToString("CompiledTemplateDetail[1000004_1, 1000006_4]");
        assertThat(compiled.size()).isEqualTo(2);
    }

    // --- keys --------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> key_that_is_not_two_integers_with_id_at_least_one_fails_naming_the_key() {
        return Stream.of("abc", "1000_x", "1000", "_3", "1_2_3", "1_", "0_1", "-1_1", " 1_1", "1_1 ", "+1_1",
                        "99999999999999999999_1", "1_99999999999", "")
                .map(key -> DynamicTest.dynamicTest("\"" + key + "\"", () ->
                        assertThatThrownBy(() -> mapper.compile(detail(key, "x")))
                                .isInstanceOf(MappingException.class)
                                .hasMessageContaining("\"" + key + "\"")));
    }

    @Test
    void two_keys_for_the_same_variable_id_fail() {
        assertThatThrownBy(() -> mapper.compile(detail("1000_1", "a", "1000_3", "10.0.0.1")))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("\"1000_1\"")
                .hasMessageContaining("\"1000_3\"");
    }

    @Test
    void null_template_fails_naming_the_key() {
        assertThatThrownBy(() -> mapper.compile(detail("1000_1", null)))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("\"1000_1\"");
    }

    @Test
    void any_category_number_is_accepted_and_sent_as_a_value() throws Exception {
        assertThat(globalVarsJson(detail("7_0", "a", "8_9", "b"), ALERT_A))
                .isEqualTo("[{\"id\":7,\"value\":\"a\"},{\"id\":8,\"value\":\"b\"}]");
    }

    // --- templates ---------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> template_syntax_error_fails_at_compile_naming_the_key() {
        return Stream.of("{{ alert.event.ip ", "{% for %}", "{% for x in alert.dimensions %}", "{% endfor %}",
                        "{% if %}x{% endif %}", "{% nosuchtag %}", "{% if false %}{{ a( }}{% endif %}",
                        "{{ alert.event.ip | }}")
                .map(template -> DynamicTest.dynamicTest(template, () ->
                        assertThatThrownBy(() -> mapper.compile(detail("1000004_1", template)))
                                .isInstanceOf(MappingException.class)
                                .hasMessageStartingWith("template of key \"1000004_1\" is invalid")));
    }

    @Test
    void plain_text_is_sent_as_written() throws Exception {
        assertThat(value("  清理 /tmp/*.log; rm -rf \"$DIR\" {not a tag} }} ", ALERT_A))
                .isEqualTo("  清理 /tmp/*.log; rm -rf \"$DIR\" {not a tag} }} ");
        assertThat(value("{% raw %}{{ alert.id }}{% endraw %}", ALERT_A)).isEqualTo("{{ alert.id }}");
    }

    @Test
    void undefined_names_render_empty_as_in_bk_monitor() throws Exception {
        assertThat(value("{{ nothing.here }}x", ALERT_A)).isEqualTo("x");
        assertThat(value("[{{ alert.no.such[3].field }}][{{ alert.event.missing }}]", ALERT_A)).isEqualTo("[][]");
        assertThat(value("{{ alert.event.ip }}", ALERT_D)).isEmpty();
    }

    @Test
    void event_is_the_same_object_as_alert() throws Exception {
        assertThat(value("{{ event.id }}/{{ event.event.ip }}", ALERT_A)).isEqualTo("17480001200000117/10.0.1.15");
    }

    @Test
    void dimensions_are_reachable_by_index_and_in_loops() throws Exception {
        assertThat(value("{{ alert.dimensions[0].value }}", ALERT_A)).isEqualTo("10.0.1.15");
        assertThat(value("{% for d in alert.dimensions %}{{ d.key }}={{ d.value }};{% endfor %}", ALERT_B))
                .isEqualTo("bk_target_ip=172.16.8.4;bk_target_cloud_id=2;mount_point=/data;");
    }

    @Test
    void strategy_action_and_target_host_are_exposed() throws Exception {
        assertThat(value("{{ strategy.name }}#{{ strategy.id }}", ALERT_A)).isEqualTo("CPU usage too high#41");
        assertThat(value("{{ strategy.id }}", ALERT_D)).isEqualTo("77");
        assertThat(value("{{ action.name }}@{{ action.plan_id }}", ALERT_A)).isEqualTo("disk-clean-up@1000043");
        assertThat(value("{{ target.host.bk_host_id }}", ALERT_B)).isEqualTo("2207");
    }

    @Test
    void filters_tests_and_loops_work() throws Exception {
        assertThat(value("{{ alert.alert_name|upper }}|{{ alert.event.ip|split('.')|join('-') }}", ALERT_A))
                .isEqualTo("CPU USAGE TOO HIGH|10-0-1-15");
        assertThat(value("{% if alert.event.ip is defined %}yes{% endif %}{% if alert.nope is defined %}no{% endif %}",
                ALERT_A)).isEqualTo("yes");
        assertThat(value("{% for k, v in strategy.items() %}{{ k }}={{ v }}{% if not loop.last %},{% endif %}{% endfor %}",
                ALERT_A)).isEqualTo("id=41,name=CPU usage too high,bk_biz_id=2");
        assertThat(value("{% set n = alert.severity * 10 %}{{ n }}", ALERT_A)).isEqualTo("20");
    }

    @Test
    void a_set_in_one_value_is_not_seen_by_the_next() throws Exception {
        MappedVariables mapped = map(detail("1_1", "{% set leaked = 'yes' %}{{ leaked }}", "2_1", "[{{ leaked }}]"), ALERT_A);

        assertThat(mapped.globalVarList()).extracting(entry -> entry.get("value")).containsExactly("yes", "[]");
    }

    @Test
    void alert_data_is_never_rendered_as_a_template() throws Exception {
        Map<String, Object> alert = Alerts.parse(ALERT_A);
        @SuppressWarnings("unchecked")
        Map<String, Object> event = (Map<String, Object>) alert.get("event");
        event.put("description", "{{ alert.id }}{% for i in range(3) %}x{% endfor %}");

        MappedVariables mapped = mapper.render(mapper.compile(detail("1_1", "{{ alert.event.description }}")),
                AlertContextFactory.build(alert, Alerts.action()));

        assertThat(mapped.globalVarList().get(0).get("value"))
                .isEqualTo("{{ alert.id }}{% for i in range(3) %}x{% endfor %}");
    }

    @Test
    void the_same_compiled_detail_renders_each_alert_on_its_own() throws Exception {
        CompiledTemplateDetail compiled = mapper.compile(detail("1000005_3", "{{alert.event.ip}}", "1_1", "{{ alert.id }}"));

        String a = toJson(mapper.render(compiled, context(ALERT_A)).globalVarList());
        String b = toJson(mapper.render(compiled, context(ALERT_B)).globalVarList());

        assertThat(a).contains("10.0.1.15", "17480001200000117").doesNotContain("172.16.8.4");
        assertThat(b).contains("172.16.8.4", "17480100000000042").doesNotContain("10.0.1.15");
    }
}
