package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertjobbridge.simulator.InstanceView.HostView;
import io.alertjobbridge.simulator.InstanceView.StepView;

/** Renders get_job_instance_status data (reference 4), nested "not yet" times as explicit nulls. */
final class StatusJson {

    /** Every simulated step is a script step. */
    private static final int SCRIPT_STEP = 1;

    private StatusJson() {
    }

    static ObjectNode render(SimulatedInstance instance, InstanceView view, boolean returnIpResult) {
        ObjectNode data = SimulatorJson.object();
        data.put("finished", view.finished());
        ObjectNode job = data.putObject("job_instance");
        job.put("job_instance_id", instance.id());
        job.put("bk_scope_type", instance.scope().type());
        job.put("bk_scope_id", instance.scope().id());
        job.put("name", instance.plan().name());
        job.put("status", view.status());
        job.put("create_time", instance.createTime());
        times(job, view.startTime(), view.endTime());
        ArrayNode steps = data.putArray("step_instance_list");
        for (StepView step : view.steps()) {
            ObjectNode node = steps.addObject();
            node.put("step_instance_id", step.stepInstanceId());
            node.put("name", step.name());
            node.put("type", SCRIPT_STEP);
            node.put("status", step.status());
            node.put("execute_count", 0);
            node.put("create_time", instance.createTime());
            times(node, step.startTime(), step.endTime());
            if (returnIpResult) {
                ArrayNode results = node.putArray("step_ip_result_list");
                step.hosts().forEach(host -> hostResult(results.addObject(), host));
            }
        }
        return data;
    }

    private static void hostResult(ObjectNode node, HostView result) {
        node.put("bk_host_id", result.host().hostId());
        node.put("ip", result.host().ip());
        node.put("bk_cloud_id", result.host().cloudId());
        node.put("status", result.status());
        node.put("tag", "");
        node.put("exit_code", result.exitCode());
        node.put("error_code", result.errorCode());
        times(node, result.startTime(), result.endTime());
    }

    static void times(ObjectNode node, Long start, Long end) {
        node.put("start_time", start);
        node.put("end_time", end);
        node.put("total_time", InstanceView.totalTime(start, end));
    }
}
