package io.alertjobbridge.simulator;

import java.util.List;

/** A validated batch_get_job_instance_ip_log request; {@code ips} is empty when host ids were given. */
record LogRequest(Scope scope, long jobInstanceId, long stepInstanceId, List<Long> hostIds, List<HostAddress> ips) {
}
