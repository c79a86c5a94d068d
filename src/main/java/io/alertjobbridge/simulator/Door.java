package io.alertjobbridge.simulator;

/** The two ways into Job (reference 1.1), plus the gateway's app-type {@code /system/} resources. */
enum Door {
    /** Legacy ESB: any method, credentials in the body or query, errors HTTP 200 with 1306xxx and a request_id. */
    ESB,
    /** API gateway: one method per API, credentials only in X-Bkapi-Authorization, errors with real HTTP statuses. */
    GATEWAY,
    /** Gateway app-type resources: app credentials in the header, the acting user in X-Bk-Username. */
    GATEWAY_SYSTEM
}
