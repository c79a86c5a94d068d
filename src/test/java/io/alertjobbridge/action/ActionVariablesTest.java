package io.alertjobbridge.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.alertjobbridge.mapping.MappedVariables;
import io.alertjobbridge.mapping.MappingException;
import io.alertjobbridge.mapping.MappingLimits;
import io.alertjobbridge.mapping.VariableMapper;
import org.junit.jupiter.api.Test;

class ActionVariablesTest {

    private final VariableMapper mapper = new VariableMapper(MappingLimits.defaults());
    private final ActionVariables variables = new ActionVariables(mapper);
    private final ActionConfigLoader loader = new ActionConfigLoader(mapper);

    private ActionConfig config(String detail) {
        return loader.parse("x.yaml", "x", "name: x\nbk_biz_id: 2\nexecute_config:\n  template_id: 7\n  template_detail:\n" + detail);
    }

    @Test
    void templates_see_the_alert_and_the_action_as_recorded() throws MappingException {
        ActionConfig c = config("    \"1000004_1\": \"{{action.id}} {{action.name}} {{action.plan_id}} {{action.bk_biz_id}}"
                + " {{alert.labels.team}}\"\n    \"1000005_3\": \"{{alert.event.ip}}\"\n");
        Map<String, Object> alert = Map.of("id", "1", "labels", Map.of("team", "ops"),
                "event", Map.of("ip", "10.0.0.1", "bk_cloud_id", 2));

        MappedVariables v = variables.render(c, "a-1", 9L, 3L, alert);

        assertThat(v.globalVarList()).isEqualTo(List.of(Map.of("id", 1000004L, "value", "a-1 x 9 3 ops"),
                Map.of("id", 1000005L, "server", Map.of("ip_list", List.of(Map.of("bk_cloud_id", 2L, "ip", "10.0.0.1"))))));
    }

    @Test
    void a_template_that_did_not_compile_fails_with_its_load_error() {
        ActionConfig c = config("    \"1000004_1\": \"{{ alert.id \"\n");

        assertThatThrownBy(() -> variables.render(c, "a", 7L, 2L, Map.of())).isInstanceOf(MappingException.class)
                .hasMessage(c.templateError());
    }

    @Test
    void the_action_view_has_the_four_fields() {
        assertThat(ActionVariables.actionView("a", "n", 1L, 2L)).containsExactly(Map.entry("id", "a"),
                Map.entry("name", "n"), Map.entry("plan_id", 1L), Map.entry("bk_biz_id", 2L));
    }
}
