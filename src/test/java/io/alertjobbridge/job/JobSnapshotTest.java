package io.alertjobbridge.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobSnapshotTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The example answer of bk-job-api.md section 4. */
    private static final String STATUS_ANSWER = """
            {
              "result": true, "code": 0, "job_request_id": "0b9e55d4a7c14d2f",
              "data": {
                "finished": true,
                "job_instance": {"job_instance_id": 20007, "bk_scope_type": "biz", "bk_scope_id": "2",
                  "name": "deploy-web", "status": 4, "create_time": 1767225600000,
                  "start_time": 1767225600120, "end_time": 1767225603120, "total_time": 3000},
                "step_instance_list": [
                  {"step_instance_id": 90011, "name": "stop service", "type": 1, "status": 3, "execute_count": 0,
                   "create_time": 1767225600000, "start_time": 1767225600150, "end_time": 1767225601150, "total_time": 1000,
                   "step_ip_result_list": [
                     {"bk_host_id": 30001, "ip": "10.0.0.1", "bk_cloud_id": 0, "status": 9, "tag": "",
                      "exit_code": 0, "error_code": 0, "start_time": 1767225600200, "end_time": 1767225601100, "total_time": 900}]},
                  {"step_instance_id": 90012, "name": "push package", "type": 2, "status": 4, "execute_count": 0,
                   "create_time": 1767225600000, "start_time": 1767225601200, "end_time": 1767225603100, "total_time": 1900,
                   "step_ip_result_list": [
                     {"bk_host_id": 30001, "ip": "10.0.0.1", "bk_cloud_id": 0, "status": 203, "tag": null,
                      "exit_code": 0, "error_code": 0, "start_time": 1767225601300, "end_time": 1767225603000, "total_time": 1700}]},
                  {"step_instance_id": 90013, "name": "start service", "type": 1, "status": 1, "execute_count": 0,
                   "create_time": 1767225600000, "start_time": null, "end_time": null, "total_time": null,
                   "step_ip_result_list": []}
                ]
              }
            }
            """;

    private static JobSnapshot snapshot(String dataJson) throws Exception {
        return JobSnapshot.fromStatusData(JSON.readTree(dataJson));
    }

    @Test
    void reference_status_answer_parses_into_job_steps_and_hosts() throws Exception {
        JsonNode data = JSON.readTree(STATUS_ANSWER).path("data");

        JobSnapshot s = JobSnapshot.fromStatusData(data);

        assertThat(s.finished()).isTrue();
        assertThat(s.jobStatus()).isEqualTo(4);
        assertThat(s.succeeded()).isFalse();
        assertThat(s.steps()).containsExactly(
                new JobSnapshot.Step(90011, "stop service", 1, 3,
                        List.of(new JobSnapshot.Host(30001L, "10.0.0.1", 0L, 9, 0, 0))),
                new JobSnapshot.Step(90012, "push package", 2, 4,
                        List.of(new JobSnapshot.Host(30001L, "10.0.0.1", 0L, 203, 0, 0))),
                new JobSnapshot.Step(90013, "start service", 1, 1, List.of()));
        assertThat(s.steps().get(0).hosts().get(0).succeeded()).isTrue();
        assertThat(s.steps().get(1).hosts().get(0).succeeded()).isFalse();
        assertThat(s.steps()).extracting(JobSnapshot.Step::hasScriptLogs).containsExactly(true, false, true);
    }

    @Test
    void bk_monitor_poll_answer_without_steps_parses() throws Exception {
        JobSnapshot s = snapshot("{\"finished\": false, \"job_instance\": {\"job_instance_id\": 20031, \"status\": 2}}");

        assertThat(s.finished()).isFalse();
        assertThat(s.jobStatus()).isEqualTo(2);
        assertThat(s.steps()).isEmpty();
    }

    @ParameterizedTest(name = "job status {0} -> finished {1}")
    @CsvSource({"1,false", "2,false", "3,true", "4,true", "5,true", "6,true", "7,false", "8,true", "9,true",
            "10,false", "11,true", "12,true", "13,true", "14,true", "15,false"})
    void missing_finished_flag_falls_back_to_the_finished_set(int status, boolean finished) throws Exception {
        assertThat(snapshot("{\"job_instance\": {\"status\": " + status + "}}").finished()).isEqualTo(finished);
    }

    @Test
    void explicit_finished_flag_wins_over_the_status() throws Exception {
        assertThat(snapshot("{\"finished\": false, \"job_instance\": {\"status\": 3}}").finished()).isFalse();
        assertThat(snapshot("{\"finished\": true, \"job_instance\": {\"status\": 2}}").finished()).isTrue();
    }

    @Test
    void success_means_job_status_3_only() throws Exception {
        assertThat(snapshot("{\"finished\": true, \"job_instance\": {\"status\": 3}}").succeeded()).isTrue();
        assertThat(snapshot("{\"finished\": true, \"job_instance\": {\"status\": 6}}").succeeded()).isFalse();
    }

    @Test
    void nulls_and_absent_fields_are_tolerated() throws Exception {
        JobSnapshot s = snapshot("""
                {"finished": null, "job_instance": {"status": null},
                 "step_instance_list": [
                   {"step_instance_id": 1, "name": null, "type": 1, "status": null, "step_ip_result_list": null},
                   {"step_instance_id": 2, "type": 1,
                    "step_ip_result_list": [{"bk_host_id": null, "ip": null, "bk_cloud_id": null, "status": null,
                                             "exit_code": null, "error_code": null}, {}]}]}
                """);

        assertThat(s.finished()).isFalse();
        assertThat(s.jobStatus()).isNull();
        assertThat(s.steps().get(0)).isEqualTo(new JobSnapshot.Step(1, null, 1, null, List.of()));
        assertThat(s.steps().get(1).hosts()).containsExactly(
                new JobSnapshot.Host(null, null, null, null, null, null),
                new JobSnapshot.Host(null, null, null, null, null, null));
        assertThat(s.steps().get(1).hosts().get(0).succeeded()).isFalse();
    }

    @Test
    void empty_data_gives_an_unfinished_snapshot_without_steps() throws Exception {
        JobSnapshot s = snapshot("{}");

        assertThat(s.finished()).isFalse();
        assertThat(s.jobStatus()).isNull();
        assertThat(s.steps()).isEmpty();
    }

    @Test
    void host_status_3_succeeded_last_time_counts_as_success() {
        assertThat(new JobSnapshot.Host(1L, "10.0.0.1", 0L, 3, 0, 0).succeeded()).isTrue();
        assertThat(new JobSnapshot.Host(1L, "10.0.0.1", 0L, 104, 1, 0).succeeded()).isFalse();
    }

    @Test
    void sql_steps_keep_script_logs_file_and_confirmation_steps_do_not() {
        assertThat(new JobSnapshot.Step(1, "sql", 4, 3, List.of()).hasScriptLogs()).isTrue();
        assertThat(new JobSnapshot.Step(1, "confirm", 3, 3, List.of()).hasScriptLogs()).isFalse();
    }
}
