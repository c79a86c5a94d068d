package io.alertjobbridge.simulator;

import java.util.List;

/**
 * The plans the simulator knows without configuration. All share one variable set, with the ids bk-monitor's
 * own tests use for plan 1000043 (1000004 a string, 1000005 the host list), so one action mapping works with
 * every plan. Plans 2001-2005 exist to exercise a client's failure paths.
 */
final class BuiltInPlans {

    static final List<HostAddress> DEFAULT_HOSTS = List.of(new HostAddress(0, "10.0.0.1"), new HostAddress(0, "10.0.0.2"));

    static final List<PlanVariable> VARIABLES = List.of(
            new PlanVariable(1_000_004, "message", PlanVariable.STRING, "hello"),
            new PlanVariable(1_000_005, "target_hosts", PlanVariable.HOST_LIST, null),
            new PlanVariable(1_000_006, "path", PlanVariable.STRING, "/tmp"),
            new PlanVariable(1_000_007, "api_token", PlanVariable.CIPHER, "plan-default-token"),
            new PlanVariable(1_000_008, "labels", 5, "([env]=prod)"),
            new PlanVariable(1_000_009, "services", 6, "(nginx)"));

    /** A plan configured only through properties gets this one step. */
    static final List<String> DEFAULT_STEPS = List.of("run script");

    private BuiltInPlans() {
    }

    static List<SimulatedPlan> all(long durationMs) {
        return List.of(
                plan(1_000_043, "disk-cleanup", PlanBehavior.SUCCEED, durationMs, List.of("clean temp files")),
                plan(1_000_044, "restart-service", PlanBehavior.SUCCEED, durationMs, List.of("stop service", "start service")),
                plan(2001, "fail-one-host", PlanBehavior.FAIL_ONE_HOST, durationMs, List.of("run check script")),
                plan(2002, "never-finish", PlanBehavior.NEVER_FINISH, durationMs, List.of("wait forever")),
                plan(2003, "permission-denied", PlanBehavior.PERMISSION_DENIED, durationMs, List.of("clean temp files")),
                plan(2004, "lose-answer", PlanBehavior.LOSE_ANSWER, durationMs, List.of("clean temp files")),
                plan(2005, "quota-exceeded-then-succeed", PlanBehavior.QUOTA_EXCEEDED_THEN_SUCCEED, durationMs,
                        List.of("clean temp files")));
    }

    static SimulatedPlan plan(long id, String name, PlanBehavior behavior, long durationMs, List<String> steps) {
        return new SimulatedPlan(id, name, behavior, durationMs, steps, DEFAULT_HOSTS, VARIABLES);
    }
}
