package io.alertjobbridge.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.alertjobbridge.mapping.MappingLimits;
import io.alertjobbridge.mapping.VariableMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionConfigLoaderTest {

    private static final VariableMapper MAPPER = new VariableMapper(MappingLimits.defaults());
    private static final String SOURCE = "actions/act.yaml";

    private final ActionConfigLoader loader = new ActionConfigLoader(MAPPER);

    /** The smallest valid action file; tests replace or append lines. */
    private static final String MINIMAL = """
            name: act
            bk_biz_id: 2
            execute_config:
              template_id: 1000043
              template_detail:
                "1000004_1": "{{ alert.event.ip }}"
            """;

    private ActionConfig parse(String yaml) {
        return loader.parse(SOURCE, "act", yaml);
    }

    // ---- shipped files -----------------------------------------------------------------------------

    @Test
    void the_shipped_action_files_load_without_template_errors() {
        List<ActionConfig> actions = loader.loadAll(Path.of("actions"));

        assertThat(actions).extracting(ActionConfig::name).containsExactly("disk-cleanup", "restart-service");
        assertThat(actions).allSatisfy(a -> {
            assertThat(a.templateError()).isNull();
            assertThat(a.compiledTemplate()).isNotNull();
            assertThat(a.compiledTemplate().size()).isEqualTo(2);
            assertThat(a.enabled()).isTrue();
            assertThat(a.bkBizId()).isEqualTo(2L);
        });
        ActionConfig disk = actions.get(0);
        assertThat(disk.templateId()).isEqualTo(1000043L);
        assertThat(disk.timeoutSeconds()).isEqualTo(60);
        assertThat(disk.templateDetail()).containsExactly(Map.entry("1000005_3", "{{alert.event.ip}}"),
                Map.entry("1000004_1", "清理临时文件"));
        assertThat(disk.sourceFile()).endsWith("disk-cleanup.yaml");
        ActionConfig restart = actions.get(1);
        assertThat(restart.templateId()).isEqualTo(1000044L);
        assertThat(restart.timeoutSeconds()).isEqualTo(300);
        assertThat(restart.match().severities()).containsExactlyInAnyOrder(1, 2);
        assertThat(restart.match().signals()).containsExactly("abnormal");
    }

    // ---- defaults ----------------------------------------------------------------------------------

    @Test
    void absent_optional_keys_take_their_defaults() {
        ActionConfig a = parse(MINIMAL);

        assertThat(a.name()).isEqualTo("act");
        assertThat(a.description()).isEmpty();
        assertThat(a.enabled()).isTrue();
        assertThat(a.timeoutSeconds()).isEqualTo(600);
        assertThat(a.match().signals()).containsExactly("abnormal");
        assertThat(a.match().strategyIds()).isEmpty();
        assertThat(a.match().severities()).isEmpty();
        assertThat(a.match().dimensions()).isEmpty();
        assertThat(a.match().alertName()).isNull();
        assertThat(a.templateError()).isNull();
        assertThat(a.sourceFile()).isEqualTo(SOURCE);
    }

    @Test
    void every_key_is_read() {
        ActionConfig a = parse("""
                name: act
                desc: Restart it
                is_enabled: false
                plugin_id: 3
                bk_biz_id: 7
                execute_config:
                  template_id: 42
                  template_detail:
                    "1000005_3": "{{ alert.event.ip }}"
                    "1000004_1": 17
                    "1000006_1":
                  timeout: 7200
                match:
                  strategy_ids: [41, "52"]
                  alert_name: "(?i)disk"
                  severity: [1, 3]
                  dimensions: {service: nginx, port: 80}
                  signal: [RECOVERED, closed]
                """);

        assertThat(a.description()).isEqualTo("Restart it");
        assertThat(a.enabled()).isFalse();
        assertThat(a.bkBizId()).isEqualTo(7L);
        assertThat(a.templateId()).isEqualTo(42L);
        assertThat(a.timeoutSeconds()).isEqualTo(7200);
        assertThat(a.templateDetail()).containsExactly(Map.entry("1000005_3", "{{ alert.event.ip }}"),
                Map.entry("1000004_1", "17"), Map.entry("1000006_1", ""));
        assertThat(a.match().strategyIds()).containsExactlyInAnyOrder(41L, 52L);
        assertThat(a.match().alertName().pattern()).isEqualTo("(?i)disk");
        assertThat(a.match().severities()).containsExactlyInAnyOrder(1, 3);
        assertThat(a.match().dimensions()).containsExactly(Map.entry("service", LabelCondition.equalsTo("nginx")),
                Map.entry("port", LabelCondition.equalsTo("80")));
        assertThat(a.match().signals()).containsExactlyInAnyOrder("recovered", "closed");
    }

    @Test
    void the_match_block_reads_sources_and_every_label_operator() {
        ActionConfig a = parse(MINIMAL + """
                match:
                  source: [alertmanager, grafana]
                  labels:
                    instance: {regex: "^10\\\\."}
                    team: {equals: ops}
                    pod: {exists: true}
                    canary: {exists: false}
                    env: prod
                    port: 9100
                  dimensions:
                    mount_point: /data
                    device: {regex: "^sd"}
                  signal: [firing, resolved]
                """);

        ActionMatch m = a.match();
        assertThat(m.sources()).containsExactlyInAnyOrder("alertmanager", "grafana");
        assertThat(m.labels()).containsExactly(
                Map.entry("instance", LabelCondition.regex(java.util.regex.Pattern.compile("^10\\."))),
                Map.entry("team", LabelCondition.equalsTo("ops")),
                Map.entry("pod", LabelCondition.exists(true)),
                Map.entry("canary", LabelCondition.exists(false)),
                Map.entry("env", LabelCondition.equalsTo("prod")),
                Map.entry("port", LabelCondition.equalsTo("9100")));
        assertThat(m.dimensions()).containsOnlyKeys("mount_point", "device");
        assertThat(m.dimensions().get("device").kind()).isEqualTo(LabelCondition.Kind.REGEX);
        assertThat(m.signals()).as("Prometheus' words for the signals").containsExactlyInAnyOrder("abnormal", "recovered");
    }

    @Test
    void a_single_source_may_be_given_without_a_list() {
        assertThat(parse(MINIMAL + "match:\n  source: zabbix\n").match().sources()).containsExactly("zabbix");
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 7200})
    void timeout_at_the_bounds_is_accepted(int timeout) {
        assertThat(parse(MINIMAL + "  timeout: " + timeout + "\n").timeoutSeconds()).isEqualTo(timeout);
    }

    // ---- a bad template does not stop the start ----------------------------------------------------

    @Test
    void bad_template_key_does_not_throw_but_records_a_template_error() {
        ActionConfig a = parse("""
                name: act
                bk_biz_id: 2
                execute_config:
                  template_id: 1000043
                  template_detail:
                    "host_list": "{{ alert.event.ip }}"
                """);

        assertThat(a.compiledTemplate()).isNull();
        assertThat(a.templateError()).contains("host_list");
    }

    @Test
    void template_syntax_error_does_not_throw_but_records_a_template_error() {
        ActionConfig a = parse(MINIMAL.replace("{{ alert.event.ip }}", "{{ alert.event.ip "));

        assertThat(a.compiledTemplate()).isNull();
        assertThat(a.templateError()).contains("1000004_1");
    }

    // ---- refusals name the file and the key ------------------------------------------------------

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("unknown top-level key", MINIMAL + "colour: red\n", "unknown key 'colour'"),
                Arguments.of("unknown execute_config key", MINIMAL + "  retries: 3\n", "unknown key 'execute_config.retries'"),
                Arguments.of("unknown match key", MINIMAL + "match:\n  severities: [1]\n", "unknown key 'match.severities'"),
                Arguments.of("name missing", MINIMAL.replace("name: act\n", ""), "name is required"),
                Arguments.of("name upper case and underscore", MINIMAL.replace("name: act", "name: Act_1"), "name 'Act_1'"),
                Arguments.of("name starting with a dash", MINIMAL.replace("name: act", "name: -act"), "name '-act'"),
                Arguments.of("plugin_id not 3", MINIMAL + "plugin_id: 2\n", "plugin_id must be 3"),
                Arguments.of("bk_biz_id missing", MINIMAL.replace("bk_biz_id: 2\n", ""), "bk_biz_id must be an integer"),
                Arguments.of("bk_biz_id zero", MINIMAL.replace("bk_biz_id: 2", "bk_biz_id: 0"), "bk_biz_id must be a positive integer"),
                Arguments.of("execute_config missing", "name: act\nbk_biz_id: 2\n", "execute_config is required"),
                Arguments.of("execute_config a list", "name: act\nbk_biz_id: 2\nexecute_config: [1]\n", "execute_config must be a mapping"),
                Arguments.of("template_id zero", MINIMAL.replace("template_id: 1000043", "template_id: 0"),
                        "execute_config.template_id must be a positive integer"),
                Arguments.of("template_id negative", MINIMAL.replace("template_id: 1000043", "template_id: -5"),
                        "execute_config.template_id must be a positive integer"),
                Arguments.of("template_id fraction", MINIMAL.replace("template_id: 1000043", "template_id: 1.5"),
                        "execute_config.template_id must be an integer"),
                Arguments.of("template_id text", MINIMAL.replace("template_id: 1000043", "template_id: plan"),
                        "execute_config.template_id must be an integer"),
                Arguments.of("timeout below 60", MINIMAL + "  timeout: 59\n", "execute_config.timeout must be between 60 and 7200"),
                Arguments.of("timeout above 7200", MINIMAL + "  timeout: 7201\n", "execute_config.timeout must be between 60 and 7200"),
                Arguments.of("template_detail value a mapping", MINIMAL + "    \"1000006_1\": {a: b}\n",
                        "execute_config.template_detail.1000006_1 must be a string, not a mapping"),
                Arguments.of("template_detail value a list", MINIMAL + "    \"1000006_1\": [a]\n",
                        "execute_config.template_detail.1000006_1 must be a string, not a list"),
                Arguments.of("is_enabled not a boolean", MINIMAL + "is_enabled: \"yes\"\n", "is_enabled must be true or false"),
                Arguments.of("bad regex", MINIMAL + "match:\n  alert_name: \"(disk\"\n", "match.alert_name is not a valid regular expression"),
                Arguments.of("severity 0", MINIMAL + "match:\n  severity: [0]\n", "match.severity values are"),
                Arguments.of("severity 4", MINIMAL + "match:\n  severity: [1, 4]\n", "match.severity values are"),
                Arguments.of("severity not a list", MINIMAL + "match:\n  severity: 1\n", "match.severity must be a list"),
                Arguments.of("signal unknown", MINIMAL + "match:\n  signal: [burning]\n", "match.signal values are"),
                Arguments.of("strategy id text", MINIMAL + "match:\n  strategy_ids: [cpu]\n", "match.strategy_ids[] must be an integer"),
                Arguments.of("match dimension condition of no known operator", MINIMAL + "match:\n  dimensions: {service: {a: b}}\n",
                        "match.dimensions.service must hold exactly one of equals, regex or exists"),
                Arguments.of("match label with two operators", MINIMAL + "match:\n  labels: {env: {equals: a, exists: true}}\n",
                        "match.labels.env must hold exactly one of equals, regex or exists"),
                Arguments.of("match label value a list", MINIMAL + "match:\n  labels: {env: [a, b]}\n",
                        "match.labels.env must be a value or one of"),
                Arguments.of("match label bad regex", MINIMAL + "match:\n  labels: {instance: {regex: \"(10\"}}\n",
                        "match.labels.instance.regex is not a valid regular expression"),
                Arguments.of("match label exists not a boolean", MINIMAL + "match:\n  labels: {pod: {exists: yes please}}\n",
                        "match.labels.pod.exists must be true or false"),
                Arguments.of("match label equals a mapping", MINIMAL + "match:\n  labels: {pod: {equals: {a: b}}}\n",
                        "match.labels.pod.equals must be a single value"),
                Arguments.of("match source not a name", MINIMAL + "match:\n  source: [Alert Manager]\n",
                        "match.source values are source names"),
                Arguments.of("match source a mapping", MINIMAL + "match:\n  source: {a: b}\n",
                        "match.source must be a name or a list of names"),
                Arguments.of("invalid YAML", "name: [act\nbk_biz_id: 2\n", "not valid YAML"),
                Arguments.of("duplicate YAML key", MINIMAL + "bk_biz_id: 3\n", "not valid YAML"),
                Arguments.of("file a list", "- name: act\n", "the file must be a mapping"),
                Arguments.of("empty file", "", "the file must be a mapping"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void bad_action_file_is_refused_naming_the_file_and_the_key(String what, String yaml, String expected) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ActionConfigException.class)
                .hasMessageStartingWith(SOURCE + ": ")
                .hasMessageContaining(expected);
    }

    @Test
    void file_named_differently_from_its_action_is_refused() {
        assertThatThrownBy(() -> loader.parse("actions/other.yaml", "other", MINIMAL))
                .isInstanceOf(ActionConfigException.class)
                .hasMessageStartingWith("actions/other.yaml: ")
                .hasMessageContaining("expected act.yaml");
    }

    // ---- folder ------------------------------------------------------------------------------------

    @Test
    void folder_loads_yaml_and_yml_files_in_name_order_and_skips_others(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b-act.yml"), MINIMAL.replace("name: act", "name: b-act"));
        Files.writeString(dir.resolve("a-act.yaml"), MINIMAL.replace("name: act", "name: a-act"));
        Files.writeString(dir.resolve("README.md"), "not an action");

        assertThat(loader.loadAll(dir)).extracting(ActionConfig::name).containsExactly("a-act", "b-act");
    }

    @Test
    void empty_folder_gives_no_actions(@TempDir Path dir) {
        assertThat(loader.loadAll(dir)).isEmpty();
    }

    @Test
    void duplicate_action_names_in_a_folder_are_refused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("act.yaml"), MINIMAL);
        Files.writeString(dir.resolve("act.yml"), MINIMAL);

        assertThatThrownBy(() -> loader.loadAll(dir))
                .isInstanceOf(ActionConfigException.class)
                .hasMessageContaining(dir.resolve("act.yml").toString())
                .hasMessageContaining("action name 'act' is used twice");
    }

    @Test
    void bad_file_in_a_folder_is_refused_naming_its_path(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("act.yaml"), MINIMAL + "colour: red\n");

        assertThatThrownBy(() -> loader.loadAll(dir))
                .isInstanceOf(ActionConfigException.class)
                .hasMessageStartingWith(dir.resolve("act.yaml") + ": ")
                .hasMessageContaining("unknown key 'colour'");
    }

    @Test
    void file_whose_name_differs_from_its_action_is_refused_when_loading_a_folder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("renamed.yaml"), MINIMAL);

        assertThatThrownBy(() -> loader.loadAll(dir))
                .isInstanceOf(ActionConfigException.class)
                .hasMessageContaining("renamed.yaml")
                .hasMessageContaining("expected act.yaml");
    }

    @Test
    void missing_folder_is_refused_naming_it(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");

        assertThatThrownBy(() -> loader.loadAll(missing))
                .isInstanceOf(ActionConfigException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("does not exist");
    }
}
