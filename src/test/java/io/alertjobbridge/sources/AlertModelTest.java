package io.alertjobbridge.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertjobbridge.intake.ValidAlert;
import org.junit.jupiter.api.Test;

class AlertModelTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void stored_ids_keep_bk_monitor_ids_and_separate_sources_and_signals() {
        assertThat(AlertModel.storedId("bk-monitor", "1748", "abnormal")).isEqualTo("1748");
        assertThat(AlertModel.storedId("bk-monitor", "1748", "recovered")).isEqualTo("1748:recovered");
        assertThat(AlertModel.storedId("zabbix", "1748", "abnormal")).isEqualTo("zabbix:1748");
        assertThat(AlertModel.storedId("zabbix", "1748", "closed")).isEqualTo("zabbix:1748:closed");
    }

    @Test
    void the_longest_id_of_the_longest_source_with_a_signal_fits_the_stored_key() {
        String longest = AlertModel.storedId("x".repeat(24), "i".repeat(AlertModel.MAX_ID_LENGTH), "recovered");
        assertThat(longest.length()).isLessThanOrEqualTo(128);
    }

    @Test
    void labels_give_a_dimension_list_and_a_dimension_list_gives_labels() {
        ValidAlert fromLabels = AlertModel.of("grafana").id("a").labels(Map.of("host", "web-3")).build(json);
        assertThat(fromLabels.document().get("dimensions")).isEqualTo(List.of(Map.of("key", "host", "value", "web-3")));

        ValidAlert fromDims = AlertModel.of("bk-monitor").id("b")
                .dimensions(List.of(Map.entry("ip", "10.0.0.1"), Map.entry("ip", "10.0.0.2"))).build(json);
        assertThat(fromDims.document().get("labels")).as("first value of a repeated key").isEqualTo(Map.of("ip", "10.0.0.1"));
        assertThat(fromDims.subject().dimensions()).hasSize(2);
    }

    @Test
    void every_alert_has_the_model_fields_in_order() {
        ValidAlert a = AlertModel.of("ops").id("1").status("CLOSED").build(json);

        assertThat(a.document().keySet()).containsExactly("id", "source", "status", "dimensions", "labels", "event");
        assertThat(a.subject().signal()).isEqualTo("closed");
        assertThat(a.json()).isEqualTo("{\"id\":\"1\",\"source\":\"ops\",\"status\":\"CLOSED\",\"dimensions\":[],"
                + "\"labels\":{},\"event\":{}}");
    }
}
