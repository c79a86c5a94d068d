package io.alertjobbridge.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.mapping.AlertContextFactory;
import io.alertjobbridge.mapping.CompiledTemplateDetail;
import io.alertjobbridge.mapping.MappedVariables;
import io.alertjobbridge.mapping.MappingException;
import io.alertjobbridge.mapping.MappingLimits;
import io.alertjobbridge.mapping.VariableMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 6, target 6: the disk clean-up example's variables rendered at least 200,000 times per second on
 * one core, templates compiled once. One operation is what the launch step does per alert once it has the
 * alert as a map: build the template context ({@link AlertContextFactory#build}) and render every variable
 * ({@link VariableMapper#render}). {@link #parseBuildAndRender} adds parsing the stored alert JSON, as
 * ActionLifecycle.mapVariables does, for comparison.
 *
 * <p>The template_detail is the one in actions/disk-cleanup.yaml; the alert is README.md's disk alert.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MappingBenchmark {

    /** actions/disk-cleanup.yaml, execute_config.template_detail, in file order. */
    static final Map<String, String> DISK_CLEANUP_TEMPLATE_DETAIL = orderedOf(
            "1000005_3", "{{alert.event.ip}}",
            "1000004_1", "清理临时文件");

    /** README.md's example alert. */
    static final String ALERT_JSON = """
            {"id": "17480100000000042", "alert_name": "Disk usage", "strategy_id": 52, "severity": 1,
             "status": "ABNORMAL", "dimensions": [{"key": "bk_target_ip", "value": "10.0.1.15"}],
             "event": {"bk_biz_id": 2, "ip": "10.0.1.15", "bk_cloud_id": 0, "bk_host_id": 2207}}
            """;

    static final String EXPECTED = "[{\"id\":1000005,\"server\":{\"ip_list\":[{\"bk_cloud_id\":0,\"ip\":\"10.0.1.15\"}]}},"
            + "{\"id\":1000004,\"value\":\"清理临时文件\"}]";

    private final ObjectMapper json = new ObjectMapper();
    private VariableMapper mapper;
    private CompiledTemplateDetail compiled;
    private Map<String, Object> alert;
    private Map<String, Object> actionView;

    @Setup
    public void setUp() throws Exception {
        mapper = new VariableMapper(MappingLimits.defaults());
        compiled = mapper.compile(DISK_CLEANUP_TEMPLATE_DETAIL);
        alert = parse(ALERT_JSON);
        actionView = new LinkedHashMap<>();
        actionView.put("id", "00000000-0000-0000-0000-000000000042");
        actionView.put("name", "disk-cleanup");
        actionView.put("plan_id", 1000043L);
        actionView.put("bk_biz_id", 2L);
        String rendered = json.writeValueAsString(buildAndRender().globalVarList());
        if (!rendered.equals(EXPECTED)) {
            throw new IllegalStateException("the mapping renders " + rendered + ", expected " + EXPECTED);
        }
    }

    /** Target 6: context + render, per alert. */
    @Benchmark
    public MappedVariables buildAndRender() throws MappingException {
        return mapper.render(compiled, AlertContextFactory.build(alert, actionView));
    }

    /** As the launch step does it: the stored alert JSON parsed first. */
    @Benchmark
    public MappedVariables parseBuildAndRender() throws Exception {
        return mapper.render(compiled, AlertContextFactory.build(parse(ALERT_JSON), actionView));
    }

    private Map<String, Object> parse(String text) throws Exception {
        return json.readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    private static Map<String, String> orderedOf(String... keysAndTemplates) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndTemplates.length; i += 2) {
            m.put(keysAndTemplates[i], keysAndTemplates[i + 1]);
        }
        return m;
    }

}
