package io.alertjobbridge.action;

import java.util.List;
import java.util.Map;

import io.alertjobbridge.mapping.CompiledTemplateDetail;

/**
 * One action file of {@code actions/}: bk-monitor's job action shape (plugin 3) plus a match block.
 * The template detail is compiled once, at load. A template that does not compile does not stop
 * the start; the action then fails every alert it matches with {@code templateError} as the reason,
 * before any Job call, so the problem shows on the action record where the team looks for it.
 * {@code convergence} guards against remediation storms; {@code callbackUrls} receive the result
 * when an action of this config ends (besides the global bridge.callbacks.urls).
 */
public record ActionConfig(
        String name,
        String description,
        boolean enabled,
        long bkBizId,
        long templateId,
        Map<String, String> templateDetail,
        int timeoutSeconds,
        ActionMatch match,
        CompiledTemplateDetail compiledTemplate,
        String templateError,
        String sourceFile,
        Convergence convergence,
        List<String> callbackUrls) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 600;
    public static final int MIN_TIMEOUT_SECONDS = 60;
    public static final int MAX_TIMEOUT_SECONDS = 7200;
    public static final int JOB_PLUGIN_ID = 3;
}
