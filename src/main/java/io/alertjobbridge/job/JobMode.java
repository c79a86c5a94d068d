package io.alertjobbridge.job;

import java.util.Locale;

/** Which front door of Job the bridge goes through (bridge.job.mode). */
public enum JobMode {
    /** Legacy ESB: {base}/api/c/compapi/v2/jobv3/{api}/, POST, credentials in the body. */
    ESB,
    /** BlueKing API gateway: {base}/api/v3/{api}, method per API, credentials in X-Bkapi-Authorization. */
    APIGW;

    public static JobMode parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "esb" -> ESB;
            case "apigw" -> APIGW;
            default -> throw new IllegalArgumentException("bridge.job.mode must be esb or apigw, got '" + value + "'");
        };
    }
}
