package io.alertjobbridge.mapping;

import static io.alertjobbridge.mapping.Alerts.ALERT_A;
import static io.alertjobbridge.mapping.Alerts.context;
import static io.alertjobbridge.mapping.Alerts.detail;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VariableMapperConcurrencyTest {

    private static final Map<String, String> DETAIL = detail(
            "1000005_3", "{{ alert.event.ip }}, {{ target.host.bk_cloud_id }}:10.1.{{ alert.event.bk_host_id % 250 }}.1",
            "1000004_1", "{% set n = alert.event.bk_host_id %}clean {{ alert.id }} on {{ alert.event.ip }} #{{ n }}",
            "1000006_4", "secret-{{ alert.event.bk_host_id }}");

    /** Alert A with its own id, host id, ip and cloud area. */
    private static Map<String, Object> context(int n) {
        Map<String, Object> alert = Alerts.parse(ALERT_A);
        @SuppressWarnings("unchecked")
        Map<String, Object> event = (Map<String, Object>) alert.get("event");
        alert.put("id", "alert-" + n);
        event.put("ip", "10.0." + (n / 250) + "." + (n % 250 + 1));
        event.put("bk_host_id", n);
        event.put("bk_cloud_id", n % 3);
        return AlertContextFactory.build(alert, Alerts.action());
    }

    private static String expected(int n) {
        String ip = "10.0." + (n / 250) + "." + (n % 250 + 1);
        return "[{\"id\":1000005,\"server\":{\"ip_list\":[{\"bk_cloud_id\":" + (n % 3) + ",\"ip\":\"" + ip + "\"},"
                + "{\"bk_cloud_id\":" + (n % 3) + ",\"ip\":\"10.1." + (n % 250) + ".1\"}]}},"
                + "{\"id\":1000004,\"value\":\"clean alert-" + n + " on " + ip + " #" + n + "\"},"
                + "{\"id\":1000006,\"value\":\"secret-" + n + "\"}]";
    }

    @Test
    void one_compiled_detail_renders_correctly_from_eight_threads_at_once() throws Exception {
        VariableMapper mapper = new VariableMapper(MappingLimits.defaults());
        CompiledTemplateDetail compiled = mapper.compile(DETAIL);
        int threads = 8;
        int rendersPerThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<String>>> mismatches = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<String>> worker = () -> {
                    start.await();
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < rendersPerThread; i++) {
                        int n = thread * rendersPerThread + i;
                        String json = Alerts.toJson(mapper.render(compiled, context(n)).globalVarList());
                        if (!json.equals(expected(n))) {
                            wrong.add(json + " != " + expected(n));
                        }
                    }
                    return wrong;
                };
                mismatches.add(pool.submit(worker));
            }
            start.countDown();
            for (Future<List<String>> result : mismatches) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void templates_are_parsed_at_compile_and_never_again_per_alert() throws Exception {
        VariableMapper mapper = new VariableMapper(MappingLimits.defaults(),
                new JinjavaSandbox(MappingLimits.defaults(), CountingSyntaxBuilder.class));
        int beforeCompile = CountingSyntaxBuilder.PARSES.get();
        CompiledTemplateDetail compiled = mapper.compile(DETAIL);
        int afterCompile = CountingSyntaxBuilder.PARSES.get();

        for (int n = 0; n < 500; n++) {
            mapper.render(compiled, context(n));
        }

        assertThat(afterCompile).isGreaterThan(beforeCompile);
        assertThat(CountingSyntaxBuilder.PARSES.get()).isEqualTo(afterCompile);
        assertThat(Alerts.toJson(mapper.render(compiled, context(7)).globalVarList())).isEqualTo(expected(7));
    }
}
