package io.alertjobbridge.action;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.alertjobbridge.mapping.AlertContextFactory;
import io.alertjobbridge.mapping.MappedVariables;
import io.alertjobbridge.mapping.MappingException;
import io.alertjobbridge.mapping.VariableMapper;

/**
 * Renders an action config's template_detail over one alert into the global_var_list Job receives:
 * the one way of doing it, shared by the launch step and the preview, so what the preview shows is
 * what the launch sends. The {@code action} the templates see is {@code {id, name, plan_id, bk_biz_id}}.
 */
public final class ActionVariables {

    private final VariableMapper mapper;

    public ActionVariables(VariableMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * @param actionId the action's id ({@code action.id} in templates)
     * @param planId   the plan the action launches, as recorded on the action
     * @param bkBizId  the business it launches in, as recorded on the action
     * @throws MappingException the config's template_detail does not compile, or rendering failed (the
     *                          message names the key and never carries a cipher value)
     */
    public MappedVariables render(ActionConfig config, String actionId, long planId, long bkBizId,
                                  Map<String, Object> alert) throws MappingException {
        if (config.templateError() != null) {
            throw new MappingException(config.templateError());
        }
        return mapper.render(config.compiledTemplate(),
                AlertContextFactory.build(alert, actionView(actionId, config.name(), planId, bkBizId)));
    }

    /** The {@code action} object of the template context. */
    public static Map<String, Object> actionView(String actionId, String name, long planId, long bkBizId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", actionId);
        view.put("name", name);
        view.put("plan_id", planId);
        view.put("bk_biz_id", bkBizId);
        return view;
    }
}
