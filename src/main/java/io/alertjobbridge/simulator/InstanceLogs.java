package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertjobbridge.simulator.InstanceView.HostView;
import io.alertjobbridge.simulator.InstanceView.StepView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Script output per (job, step, host), written from the step's state when asked, never stored. A host whose
 * step has not started has no log (and is left out of the answer, as Job does). The output lists the run's
 * non-host variables so tests can see the mapping arrived; a cipher's value is never written, only its mask.
 */
final class InstanceLogs {

    private static final int SCRIPT_LOG = 1;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private InstanceLogs() {
    }

    /** batch_get_job_instance_ip_log data for the requested hosts (reference 6.1). */
    static ObjectNode batch(SimulatedInstance instance, StepView step, Iterable<SimulatedHost> requested) {
        ObjectNode data = SimulatorJson.object();
        data.put("job_instance_id", instance.id());
        data.put("step_instance_id", step.stepInstanceId());
        data.put("log_type", SCRIPT_LOG);
        ArrayNode logs = data.putArray("script_task_logs");
        for (SimulatedHost host : requested) {
            String content = content(instance, step, host);
            if (content != null) {
                ObjectNode log = logs.addObject();
                log.put("host_id", host.hostId());
                log.put("bk_host_id", host.hostId());
                log.put("bk_cloud_id", host.cloudId());
                log.put("ip", host.ip());
                log.put("log_content", content);
            }
        }
        return data;
    }

    /** The output so far of one host in one step, or null if that host has not run the step. */
    static String content(SimulatedInstance instance, StepView step, SimulatedHost host) {
        HostView result = step.hosts().stream().filter(h -> h.host().equals(host)).findFirst().orElse(null);
        if (result == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        out.append('[').append(TIME.format(Instant.ofEpochMilli(result.startTime()))).append("][PID:")
                .append(pid(step, host)).append("] job_start\n");
        out.append("variables: ").append(variables(instance.variables())).append('\n');
        if (!instance.variables().ignored().isEmpty()) {
            out.append("ignored (not variables of plan ").append(instance.plan().id()).append("): ")
                    .append(String.join(", ", instance.variables().ignored())).append('\n');
        }
        String action = step.name() + " on " + host.ip() + " ...";
        switch (result.status()) {
            case HostStatus.SUCCESS -> out.append(action).append(" ok\n");
            case HostStatus.SCRIPT_EXIT_NON_ZERO -> out.append(action).append(" failed\nexit code ")
                    .append(result.exitCode()).append('\n');
            case HostStatus.FORCE_TERMINATED -> out.append(action).append(" killed: the job was terminated\n");
            default -> out.append(action).append('\n');
        }
        return out.toString();
    }

    private static String variables(LaunchVariables variables) {
        StringJoiner joined = new StringJoiner("; ");
        for (Map.Entry<PlanVariable, String> entry : variables.values().entrySet()) {
            String value = entry.getKey().isCipher() ? PlanVariable.CIPHER_MASK : entry.getValue();
            joined.add(entry.getKey().name() + "=" + value);
        }
        return joined.toString();
    }

    /** A made-up but stable process id, so repeated reads show the same text. */
    private static int pid(StepView step, SimulatedHost host) {
        return 1000 + (int) Math.floorMod(step.stepInstanceId() * 31 + host.hostId(), 30000L);
    }
}
