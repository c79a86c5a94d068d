package io.alertjobbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.alertjobbridge.job.JobSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeReasonTest {

    private static JobSnapshot.Host host(String ip, Integer status, Integer exitCode) {
        return new JobSnapshot.Host(1L, ip, 0L, status, exitCode, 0);
    }

    @Test
    void failed_hosts_are_named_with_step_host_status_and_exit_code() {
        JobSnapshot s = new JobSnapshot(true, 4, List.of(
                new JobSnapshot.Step(90011, "stop service", 1, 4, List.of(
                        host("10.0.0.1", 9, 0),
                        host("10.0.0.2", 104, 1),
                        host("10.0.0.3", 3, 0),
                        host("10.0.0.4", null, null))),
                new JobSnapshot.Step(90012, "start service", 1, 4, List.of(host("10.0.0.5", 102, 137)))));

        assertThat(OutcomeReason.failure(s)).isEqualTo("job ended with status 4 (failed); failed hosts: "
                + "10.0.0.2 (step 'stop service', host status 104, exit code 1), "
                + "10.0.0.5 (step 'start service', host status 102, exit code 137)");
    }

    @Test
    void without_failed_hosts_only_the_job_status_is_given() {
        JobSnapshot s = new JobSnapshot(true, 11, List.of(
                new JobSnapshot.Step(1, "run", 1, 11, List.of(host("10.0.0.1", 9, 0)))));

        assertThat(OutcomeReason.failure(s)).isEqualTo("job ended with status 11 (force-terminated)");
    }

    @Test
    void at_most_20_hosts_are_named_then_the_rest_are_counted() {
        List<JobSnapshot.Host> hosts = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            hosts.add(host("10.0.0." + i, 104, 2));
        }
        JobSnapshot s = new JobSnapshot(true, 4, List.of(new JobSnapshot.Step(1, "run", 1, 4, hosts)));

        String reason = OutcomeReason.failure(s);

        assertThat(reason).contains("10.0.0.20 (step 'run'").doesNotContain("10.0.0.21 ").endsWith(" and 5 more");
        assertThat(reason.split("\\(step ", -1)).hasSize(21);
    }

    @Test
    void exactly_20_failed_hosts_are_all_named_without_a_remainder() {
        List<JobSnapshot.Host> hosts = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            hosts.add(host("10.0.0." + i, 104, 2));
        }
        String reason = OutcomeReason.failure(new JobSnapshot(true, 4, List.of(new JobSnapshot.Step(1, "run", 1, 4, hosts))));

        assertThat(reason).doesNotContain("more").contains("10.0.0.20 (step 'run'");
    }

    @Test
    void failed_hosts_across_steps_count_together_toward_the_cap() {
        List<JobSnapshot.Host> first = new ArrayList<>();
        List<JobSnapshot.Host> second = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            first.add(host("10.0.1." + i, 104, 1));
            second.add(host("10.0.2." + i, 104, 1));
        }
        String reason = OutcomeReason.failure(new JobSnapshot(true, 4, List.of(
                new JobSnapshot.Step(1, "a", 1, 4, first), new JobSnapshot.Step(2, "b", 1, 4, second))));

        assertThat(reason).contains("10.0.2.5 (step 'b'").doesNotContain("10.0.2.6 ").endsWith(" and 10 more");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1,not started", "2,running", "3,success", "4,failed", "5,skipped", "6,error ignored",
            "7,waiting for user", "8,terminated", "9,abnormal", "10,terminating", "11,force-terminated",
            "12,status 12", "13,confirmation rejected", "14,abandoned", "15,rolling wait", "99,status 99"})
    void job_status_names(int status, String name) {
        assertThat(OutcomeReason.jobStatusName(status)).isEqualTo(name);
    }

    @Test
    void unknown_job_status_is_named_unknown() {
        assertThat(OutcomeReason.jobStatusName(null)).isEqualTo("unknown");
        assertThat(OutcomeReason.failure(new JobSnapshot(true, null, List.of()))).isEqualTo("job ended with status null (unknown)");
    }
}
