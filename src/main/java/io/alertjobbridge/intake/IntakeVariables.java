package io.alertjobbridge.intake;

import io.alertjobbridge.security.InboundGuard;

/**
 * The exchange variables the inbound routes set and the intake beans read. The YAML routes spell the
 * same names; a route template's parameters fill the {@code alert.*} ones.
 */
public final class IntakeVariables {

    /** The endpoint (= source) name: selects the credentials, and is the source of a custom route's alerts. */
    public static final String ENDPOINT = InboundGuard.ENDPOINT_VARIABLE;
    /** The request body as a checked JSON tree, set by {@code alertEndpoint.readJson}. */
    public static final String ALERT_JSON = "alertJson";
    /** The preview's {@code source} query parameter: which source format the posted body is in. */
    public static final String PREVIEW_SOURCE = "previewSource";

    // A custom source's fields, each the value of the route's JsonPath expression for it.
    public static final String ID = "alert.id";
    public static final String ALERT_NAME = "alert.alertName";
    public static final String IP = "alert.ip";
    public static final String IPV6 = "alert.ipv6";
    public static final String CLOUD_ID = "alert.cloudId";
    public static final String HOST_ID = "alert.hostId";
    public static final String BIZ_ID = "alert.bizId";
    public static final String STRATEGY_ID = "alert.strategyId";
    public static final String SEVERITY = "alert.severity";
    public static final String STATUS = "alert.status";
    public static final String LABELS = "alert.labels";
    public static final String ANNOTATIONS = "alert.annotations";
    /** The route's word:level pairs for severities, or empty. */
    public static final String SEVERITY_MAP = "alert.severityMap";
    /** The route's word:signal pairs for statuses, or empty. */
    public static final String STATUS_MAP = "alert.statusMap";

    private IntakeVariables() {
    }
}
