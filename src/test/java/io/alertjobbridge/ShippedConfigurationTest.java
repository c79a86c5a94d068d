package io.alertjobbridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.support.Alerts;
import io.alertjobbridge.support.RunningBridge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The configuration we ship: routes/, actions/ and application.properties as they are in the
 * repository. Booting them is also the check that a YAML edit still loads.
 */
class ShippedConfigurationTest {

    @Test
    void the_disk_cleanup_example_runs_its_plan_and_records_the_logs() throws Exception {
        try (RunningBridge bridge = RunningBridge.start(Map.of())) {
            JsonNode accepted = bridge.postAlert(Alerts.diskFull(Alerts.uniqueId(), "10.0.1.15"));
            assertThat(accepted.path("actions")).hasSize(1);
            assertThat(accepted.path("actions").get(0).path("name").asText()).isEqualTo("disk-cleanup");

            JsonNode action = bridge.awaitFinal(accepted.path("actions").get(0).path("id").asText(), Duration.ofSeconds(30));

            assertThat(action.path("status").asText()).isEqualTo("success");
            assertThat(action.path("plan_id").asLong()).isEqualTo(1000043L);
            assertThat(action.path("global_var_list").toString()).isEqualTo(
                    "[{\"id\":1000005,\"server\":{\"ip_list\":[{\"bk_cloud_id\":0,\"ip\":\"10.0.1.15\"}]}},"
                            + "{\"id\":1000004,\"value\":\"清理临时文件\"}]");
            long jobId = action.path("job_instance_id").asLong();
            assertThat(action.path("job_url").asText()).isEqualTo("http://job.example.com/api_execute/" + jobId);
            JsonNode host = action.path("steps").get(0).path("hosts").get(0);
            assertThat(host.path("ip").asText()).isEqualTo("10.0.1.15");
            assertThat(host.path("exit_code").asInt()).isZero();
            assertThat(host.path("log").asText()).contains("10.0.1.15").contains("清理临时文件");
            assertThat(action.path("finished_at").isNull()).isFalse();

            JsonNode launched = bridge.simulatorCalls().path("execute_job_plan_requests").get(0);
            assertThat(launched.path("start_task").asBoolean(true)).as("two-phase launch").isFalse();
            assertThat(launched.path("bk_scope_type").asText()).isEqualTo("biz");
            assertThat(launched.path("bk_scope_id").asText()).isEqualTo("2");
        }
    }

    @Test
    void the_restart_example_targets_the_alerting_host_with_its_service() throws Exception {
        try (RunningBridge bridge = RunningBridge.start(Map.of("bridge.job.mode", "apigw"))) {
            String alert = """
                    {"id": "%s", "alert_name": "Service nginx down", "strategy_id": 88, "severity": 1,
                     "status": "ABNORMAL", "dimensions": [{"key": "service", "value": "nginx"}],
                     "event": {"bk_biz_id": 2, "ip": "172.16.8.4", "bk_cloud_id": 2, "bk_host_id": 2207}}
                    """.formatted(Alerts.uniqueId());
            JsonNode accepted = bridge.postAlert(alert);
            assertThat(accepted.path("actions").get(0).path("name").asText()).isEqualTo("restart-service");

            JsonNode action = bridge.awaitFinal(accepted.path("actions").get(0).path("id").asText(), Duration.ofSeconds(30));

            assertThat(action.path("status").asText()).isEqualTo("success");
            assertThat(action.path("global_var_list").toString()).isEqualTo(
                    "[{\"id\":1000005,\"server\":{\"ip_list\":[{\"bk_cloud_id\":2,\"ip\":\"172.16.8.4\"}]}},"
                            + "{\"id\":1000004,\"value\":\"nginx\"}]");
            assertThat(action.path("steps")).hasSize(2);
        }
    }

    @Test
    void a_recovered_alert_runs_no_action() throws Exception {
        try (RunningBridge bridge = RunningBridge.start(Map.of())) {
            String recovered = Alerts.diskFull(Alerts.uniqueId(), "10.0.1.15").replace("ABNORMAL", "RECOVERED");
            assertThat(bridge.postAlert(recovered).path("actions")).isEmpty();
        }
    }

    @Test
    void a_broken_route_file_stops_the_start_naming_the_file(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.camel.yaml"), "- route:\n    id: x\n    from:\n      uri: direct:x\n      steps:\n        - nosuchstep: {}\n");

        assertThatThrownBy(() -> RunningBridge.start(Map.of("bridge.routes.dir", dir.toString())).close())
                .hasStackTraceContaining("broken.camel.yaml");
    }

    @Test
    void a_broken_action_file_stops_the_start_naming_the_file(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("oops.yaml"), "name: oops\nbk_biz_id: 2\nexecute_config:\n  template_id: abc\n");

        assertThatThrownBy(() -> RunningBridge.start(Map.of("bridge.actions.dir", dir.toString())).close())
                .hasStackTraceContaining("oops.yaml").hasStackTraceContaining("execute_config.template_id");
    }
}
