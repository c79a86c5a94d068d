package io.alertjobbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing posted faults, listing them, and the order in which calls use them up. */
class SimulatorFaultsTest {

    private final SimulatorFaults faults = new SimulatorFaults();

    @Test
    void answer_delay_fault_is_read_with_its_delay_and_count() {
        SimulatorFaults.Fault fault = parse("{\"api\": \"execute_job_plan\", \"answer_delay_ms\": 8000, \"count\": 2}");

        assertThat(fault.kind()).isEqualTo(SimulatorFaults.Kind.ANSWER_DELAY);
        assertThat(fault.delaysAnswer()).isTrue();
        assertThat(fault.answerDelayMs()).isEqualTo(8000);
        assertThat(fault.remaining().get()).isEqualTo(2);
        assertThat(fault.toJson().toString())
                .isEqualTo("{\"api\":\"execute_job_plan\",\"answer_delay_ms\":8000,\"count\":2}");
    }

    @Test
    void delay_limits_are_inclusive_and_count_defaults_to_one() {
        assertThat(parse("{\"api\": \"*\", \"answer_delay_ms\": 1}").answerDelayMs()).isEqualTo(1);
        SimulatorFaults.Fault longest = parse("{\"api\": \"get_job_instance_status\", \"answer_delay_ms\": 600000}");

        assertThat(longest.answerDelayMs()).isEqualTo(600_000);
        assertThat(longest.remaining().get()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "600001", "1.5", "\"8000\"", "true"})
    void delay_outside_one_to_600000_whole_ms_is_refused_with_the_value(String delay) {
        assertThatThrownBy(() -> parse("{\"api\": \"execute_job_plan\", \"answer_delay_ms\": " + delay + "}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("answer_delay_ms must be a whole number in 1..600000, got " + delay);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"http_status\": 503, \"answer_delay_ms\": 8000",
            "\"drop_after_acting\": true, \"answer_delay_ms\": 8000",
            "\"http_status\": 503, \"drop_after_acting\": true"})
    void two_kinds_in_one_fault_are_refused(String kinds) {
        assertThatThrownBy(() -> parse("{\"api\": \"execute_job_plan\", " + kinds + "}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give exactly one of http_status");
    }

    @Test
    void a_fault_of_no_kind_or_a_false_drop_is_refused() {
        assertThatThrownBy(() -> parse("{\"api\": \"execute_job_plan\", \"count\": 1}"))
                .hasMessageEndingWith("got none");
        assertThatThrownBy(() -> parse("{\"api\": \"execute_job_plan\", \"drop_after_acting\": false}"))
                .hasMessage("drop_after_acting can only be true, got false");
        assertThatThrownBy(() -> parse("{\"api\": \"execute_job_plan\", \"answer_delay_ms\": 100, \"count\": 0}"))
                .hasMessageContaining("count must be a whole number in 1..");
        assertThatThrownBy(() -> parse("{\"api\": \"nope\", \"answer_delay_ms\": 100}"))
                .hasMessage("unknown api 'nope'");
    }

    @Test
    void the_other_kinds_still_read_and_list_as_before() {
        SimulatorFaults.Fault status = parse("{\"api\": \"execute_job_plan\", \"http_status\": 503, \"count\": 2}");
        SimulatorFaults.Fault drop = parse("{\"api\": \"execute_job_plan\", \"drop_after_acting\": true}");

        assertThat(status.kind()).isEqualTo(SimulatorFaults.Kind.HTTP_STATUS);
        assertThat(status.toJson().toString()).isEqualTo("{\"api\":\"execute_job_plan\",\"http_status\":503,\"count\":2}");
        assertThat(drop.kind()).isEqualTo(SimulatorFaults.Kind.DROP_AFTER_ACTING);
        assertThat(drop.toJson().toString()).isEqualTo("{\"api\":\"execute_job_plan\",\"drop_after_acting\":true,\"count\":1}");
    }

    @Test
    void a_take_uses_only_the_next_fault_and_only_when_wanted() {
        faults.add(parse("{\"api\": \"execute_job_plan\", \"answer_delay_ms\": 500}"));
        faults.add(parse("{\"api\": \"execute_job_plan\", \"http_status\": 503}"));

        assertThat(faults.take("execute_job_plan", f -> !f.delaysAnswer())).as("the 503 waits behind the delay").isNull();
        assertThat(faults.take("execute_job_plan", SimulatorFaults.Fault::delaysAnswer).answerDelayMs()).isEqualTo(500);
        assertThat(faults.take("execute_job_plan", SimulatorFaults.Fault::delaysAnswer)).isNull();
        assertThat(faults.take("execute_job_plan", f -> !f.delaysAnswer()).httpStatus()).isEqualTo(503);
        assertThat(faults.toJson()).isEmpty();
    }

    @Test
    void an_apis_own_faults_come_before_any_apis_and_counts_show_what_is_left() {
        faults.add(parse("{\"api\": \"*\", \"answer_delay_ms\": 100, \"count\": 3}"));
        faults.add(parse("{\"api\": \"get_job_instance_status\", \"http_status\": 429}"));

        assertThat(faults.take("get_job_instance_status", f -> true).kind()).isEqualTo(SimulatorFaults.Kind.HTTP_STATUS);
        assertThat(faults.take("get_job_instance_status", f -> true).kind()).isEqualTo(SimulatorFaults.Kind.ANSWER_DELAY);
        assertThat(faults.take("execute_job_plan", SimulatorFaults.Fault::delaysAnswer)).isNotNull();

        JsonNode listed = faults.toJson();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("answer_delay_ms").asLong()).isEqualTo(100);
        assertThat(listed.get(0).path("count").asInt()).isEqualTo(1);
    }

    private static SimulatorFaults.Fault parse(String json) {
        return SimulatorFaults.parse(SimulatorJson.readOrNull(json));
    }
}
