package io.alertjobbridge.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns an action's template_detail into Job's {@code global_var_list} for one alert
 * (bk-monitor-job-action.md section 2), without bk-monitor's defects: all hosts of a variable go into
 * one item, "," and whitespace separate hosts too, IPv6 is accepted, and bad keys, templates and hosts
 * fail with a reason instead of reaching Job.
 *
 * <p>{@link #compile} parses every template once per action config; {@link #render} runs per alert and
 * may be called from many threads at once on the same compiled detail.
 */
public final class VariableMapper {

    private final MappingLimits limits;
    private final JinjavaSandbox sandbox;

    public VariableMapper(MappingLimits limits) {
        this(limits, new JinjavaSandbox(Objects.requireNonNull(limits, "limits")));
    }

    VariableMapper(MappingLimits limits, JinjavaSandbox sandbox) {
        this.limits = limits;
        this.sandbox = sandbox;
    }

    /**
     * Parses every key and template once.
     *
     * @param templateDetail variable key to template, in the order Job should receive them (pass a
     *                       {@code LinkedHashMap})
     * @throws MappingException naming the key: a key that is not {@code {int}_{int}} or whose id is below
     *                          1, two keys with the same variable id, a null template, or a template with
     *                          a syntax error or a forbidden tag or call
     */
    public CompiledTemplateDetail compile(Map<String, String> templateDetail) throws MappingException {
        Objects.requireNonNull(templateDetail, "templateDetail");
        List<CompiledTemplateDetail.Variable> variables = new ArrayList<>(templateDetail.size());
        Map<Long, String> keysById = new HashMap<>();
        for (Map.Entry<String, String> entry : templateDetail.entrySet()) {
            VariableKey key = VariableKey.parse(entry.getKey());
            String sameId = keysById.putIfAbsent(key.id(), key.text());
            if (sameId != null) {
                // Job keeps one value per id, so one of the two would be dropped without a word.
                throw new MappingException("template_detail keys \"" + sameId + "\" and \"" + key.text()
                        + "\" name the same variable id " + key.id());
            }
            if (entry.getValue() == null) {
                throw new MappingException("template_detail key \"" + key.text() + "\" has no template (null)");
            }
            variables.add(new CompiledTemplateDetail.Variable(key, parse(key, entry.getValue())));
        }
        return new CompiledTemplateDetail(variables);
    }

    /**
     * Renders every template for one alert.
     *
     * @param context the alert's template variables, from {@link AlertContextFactory#build}
     * @throws MappingException naming the key: a fatal template error (a forbidden call, for one), a
     *                          value over the size or time limit, or a host list piece that is not a host
     */
    public MappedVariables render(CompiledTemplateDetail compiled, Map<String, Object> context)
            throws MappingException {
        Objects.requireNonNull(compiled, "compiled");
        Objects.requireNonNull(context, "context");
        long defaultCloudId = HostListParser.defaultCloudId(eventCloudId(context));
        List<Map<String, Object>> globalVars = new ArrayList<>(compiled.size());
        List<Map<String, Object>> masked = new ArrayList<>(compiled.size());
        try (RenderSession session = sandbox.openSession(context)) {
            for (CompiledTemplateDetail.Variable variable : compiled.variables()) {
                VariableKey key = variable.key();
                String rendered = render(session, key, variable.template());
                if (key.isHostList()) {
                    List<HostAddress> hosts = HostListParser.parse(key.text(), rendered, defaultCloudId);
                    if (!hosts.isEmpty()) { // none: leave the variable out, so the plan's default hosts run
                        Map<String, Object> entry = GlobalVarEntries.hosts(key.id(), hosts);
                        globalVars.add(entry);
                        masked.add(entry);
                    }
                } else {
                    Map<String, Object> entry = GlobalVarEntries.value(key.id(), rendered);
                    globalVars.add(entry);
                    masked.add(key.isCipher() ? GlobalVarEntries.value(key.id(), GlobalVarEntries.MASK) : entry);
                }
            }
        }
        return new MappedVariables(globalVars, masked);
    }

    private CompiledTemplate parse(VariableKey key, String template) throws MappingException {
        try {
            return sandbox.compile(template);
        } catch (TemplateProblem problem) {
            throw failure(true, key, problem);
        }
    }

    private String render(RenderSession session, VariableKey key, CompiledTemplate template) throws MappingException {
        try {
            return session.render(template);
        } catch (TemplateProblem problem) {
            throw failure(false, key, problem);
        }
    }

    /**
     * The user-facing reason, naming the key. For a cipher key Jinjava's detail and the cause are left
     * out: they may quote the template, which for a password is often the password itself.
     */
    private MappingException failure(boolean compiling, VariableKey key, TemplateProblem problem) {
        String quotedKey = "\"" + key.text() + "\"";
        String at = problem.line() > 0 ? " (line " + problem.line() + ")" : "";
        return switch (problem.kind()) {
            case OUTPUT_TOO_LARGE -> new MappingException("key " + quotedKey + " rendered more than "
                    + limits.maxOutputBytes() + " bytes, the limit for one value");
            case TOO_SLOW -> new MappingException("key " + quotedKey + " took longer than "
                    + limits.maxRenderMillis() + " ms to render, the limit for one value");
            case INVALID -> {
                String subject = compiling
                        ? "template of " + (key.isCipher() ? "cipher key " : "key ") + quotedKey + " is invalid"
                        : "rendering " + (key.isCipher() ? "cipher key " : "key ") + quotedKey + " failed";
                yield key.isCipher()
                        ? new MappingException(subject + at + "; details are withheld because they could show the secret")
                        : new MappingException(subject + ": " + problem.detail() + at, problem);
            }
        };
    }

    /** {@code alert.event.bk_cloud_id}, or null when the context has no such value. */
    private static Object eventCloudId(Map<String, Object> context) {
        if (context.get("alert") instanceof Map<?, ?> alert && alert.get("event") instanceof Map<?, ?> event) {
            return event.get("bk_cloud_id");
        }
        return null;
    }
}
