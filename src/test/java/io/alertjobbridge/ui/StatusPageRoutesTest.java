package io.alertjobbridge.ui;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.support.RunningBridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** routes/ui.camel.yaml over real HTTP: what the page's files are sent with, and what is never sent. */
class StatusPageRoutesTest {

    private static RunningBridge bridge;

    @BeforeAll
    static void start() throws Exception {
        bridge = RunningBridge.start(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        bridge.close();
    }

    @Test
    void the_page_is_served_at_ui_as_html_with_a_content_security_policy() throws Exception {
        HttpResponse<String> page = bridge.get("/ui");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(UiAssetReplies.CONTENT_SECURITY_POLICY);
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).contains("<script src=\"/ui/app.js\" defer></script>");
    }

    @Test
    void the_page_files_are_served_with_their_content_types() throws Exception {
        assertThat(bridge.get("/ui/app.js").headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(bridge.get("/ui/style.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(bridge.get("/ui/favicon.svg").headers().firstValue("Content-Type")).hasValue("image/svg+xml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ui/..%2Fapplication.properties", "/ui/..%2F..%2Fpom.xml", "/ui/%2e%2e%2flog4j2.properties",
            "/ui/..%5Capplication.properties", "/ui/log4j2.properties", "/ui/.%2E/application.properties",
            "/ui/index.html%00.js", "/ui/no-such-file.js"})
    void nothing_outside_the_page_folder_is_ever_served(String path) throws Exception {
        HttpResponse<String> answer = bridge.get(path);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).doesNotContain("bridge.").doesNotContain("<project").doesNotContain("appender");
    }

    @Test
    void the_page_is_read_only() throws Exception {
        assertThat(bridge.post("/ui/app.js", "x").statusCode()).isEqualTo(405);
    }

    @Test
    void the_stats_endpoints_answer_json_for_the_last_sixty_minutes() throws Exception {
        JsonNode actions = bridge.getJson("/api/v1/stats/actions-per-minute");
        assertThat(actions.path("minutes")).hasSize(60);
        assertThat(actions.path("totals").has("received")).isTrue();

        JsonNode latency = bridge.getJson("/api/v1/stats/job-api-latency");
        assertThat(latency.path("available").asBoolean()).isTrue();
        assertThat(latency.path("minutes")).hasSize(60);
        assertThat(latency.path("apis").isArray()).isTrue();
    }
}
