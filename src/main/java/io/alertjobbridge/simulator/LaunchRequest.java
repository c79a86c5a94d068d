package io.alertjobbridge.simulator;

import java.util.List;

/**
 * A validated execute_job_plan request. A {@code callback_url} is checked but not kept: the simulator never
 * calls back (clients must poll, which bk-monitor and the bridge do anyway).
 */
record LaunchRequest(Scope scope, long planId, boolean startTask, List<RequestVariable> variables) {
}
