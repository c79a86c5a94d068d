package io.alertjobbridge.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a simulated plan behaves when launched; the property value is the kebab-case name. */
enum PlanBehavior {
    /** Every step succeeds on every host. */
    SUCCEED("succeed"),
    /** The first step's last target host exits 1: host 104, step 4, job 4; later steps never start. */
    FAIL_ONE_HOST("fail-one-host"),
    /** The first step runs until someone terminates the job. */
    NEVER_FINISH("never-finish"),
    /** execute_job_plan answers 9900403 with the IAM permission payload; nothing is created. */
    PERMISSION_DENIED("permission-denied"),
    /** execute_job_plan creates the instance, then the answer is lost: gateway 504 instead of the success. */
    LOSE_ANSWER("lose-answer"),
    /** The first launch after a reset hits Job's running-job quota (1244032, HTTP 200); later ones succeed. */
    QUOTA_EXCEEDED_THEN_SUCCEED("quota-exceeded-then-succeed");

    private final String propertyValue;

    PlanBehavior(String propertyValue) {
        this.propertyValue = propertyValue;
    }

    String propertyValue() {
        return propertyValue;
    }

    static PlanBehavior parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(b -> b.propertyValue.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown simulator plan behavior '" + text
                        + "'; expected one of " + Arrays.stream(values()).map(PlanBehavior::propertyValue)
                        .collect(Collectors.joining(", "))));
    }
}
