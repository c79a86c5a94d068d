package io.alertjobbridge.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The built-in Job simulator in a process of its own (the jar with no bridge routes and no actions),
 * so that it outlives the bridges a test kills and can tell afterwards what Job saw.
 */
public final class SimulatorProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JarProcess jar;

    private SimulatorProcess(JarProcess jar) {
        this.jar = jar;
    }

    public static SimulatorProcess start(Path dir, long jobDurationMs) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-routes"));
        return new SimulatorProcess(JarProcess.start(dir, "simulator",
                "-Dbridge.simulator.enabled=true",
                "-Dbridge.routes.dir=" + empty,
                "-Dbridge.actions.dir=" + empty,
                "-Dbridge.datasource.url=jdbc:h2:mem:simulator;DB_CLOSE_DELAY=-1",
                "-Dbridge.simulator.job-duration-ms=" + jobDurationMs));
    }

    /** The -D flags that point a bridge at this simulator. */
    public String[] bridgeFlags() {
        return new String[] {"-Dbridge.job.base-url=" + jar.base(), "-Dbridge.simulator.enabled=false"};
    }

    public JsonNode calls() throws Exception {
        return jar.getJson("/simulator/calls");
    }

    public void fault(String json) throws Exception {
        if (jar.post("/simulator/faults", json).statusCode() / 100 != 2) {
            throw new IllegalStateException("fault refused: " + json);
        }
    }

    /** Every instance of the plan created since {@code fromMs}, from Job's own execution history. */
    public List<JsonNode> instancesOfPlan(long planId, long fromMs) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int start = 0; ; start += 1000) {
            String body = """
                    {"bk_app_code": "alert-job-bridge", "bk_app_secret": "simulator-demo-secret", "bk_username": "admin",
                     "bk_scope_type": "biz", "bk_scope_id": "2", "create_time_start": %d, "create_time_end": %d,
                     "start": %d, "length": 1000}
                    """.formatted(fromMs, System.currentTimeMillis() + 60_000, start);
            JsonNode page = JSON.readTree(jar.post("/api/c/compapi/v2/jobv3/get_job_instance_list/", body).body());
            if (!page.path("result").asBoolean()) {
                throw new IllegalStateException("instance list refused: " + page);
            }
            for (JsonNode i : page.path("data").path("data")) {
                if (i.path("job_plan_id").asLong() == planId && seen.add(i.path("job_instance_id").asLong())) {
                    out.add(i);
                }
            }
            if (start + 1000 >= page.path("data").path("total").asLong()) {
                return out;
            }
        }
    }

    /** Execute a plan directly, as a person or script with the bridge's account would. */
    public long launchByHand(long planId) throws Exception {
        String body = """
                {"bk_app_code": "alert-job-bridge", "bk_app_secret": "simulator-demo-secret", "bk_username": "admin",
                 "bk_scope_type": "biz", "bk_scope_id": "2", "job_plan_id": %d}
                """.formatted(planId);
        JsonNode answer = JSON.readTree(jar.post("/api/c/compapi/v2/jobv3/execute_job_plan/", body).body());
        return answer.path("data").path("job_instance_id").asLong();
    }

    @Override
    public void close() throws Exception {
        jar.close();
    }
}
