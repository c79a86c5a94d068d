package io.alertjobbridge.job;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Puts a {@link JobCall} on the wire for the configured front door (bridge.job.mode):
 * ESB: POST {base}/api/c/compapi/v2/jobv3/{api}/ with bk_app_code, bk_app_secret and bk_username in the body;
 * API gateway: {base}/api/v3/{api}, GET with a query string or POST with a JSON body as the gateway
 * registers it, credentials only in the X-Bkapi-Authorization header.
 */
public final class JobRequestEncoder {

    static final String AUTH_HEADER = "X-Bkapi-Authorization";

    private final JobMode mode;
    private final Supplier<String> baseUrl;
    private final JobCredentials credentials;
    private final ObjectMapper json;

    public JobRequestEncoder(JobMode mode, Supplier<String> baseUrl, JobCredentials credentials, ObjectMapper json) {
        this.mode = mode;
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.json = json;
    }

    public JobMode mode() {
        return mode;
    }

    public EncodedJobRequest encode(JobCall call) {
        String base = trimSlash(baseUrl.get());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (mode == JobMode.ESB) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("bk_app_code", credentials.appCode());
            body.put("bk_app_secret", credentials.appSecret());
            body.put("bk_username", credentials.username());
            body.putAll(call.params());
            headers.put("Content-Type", "application/json");
            return new EncodedJobRequest(call.api(), "POST",
                    base + "/api/c/compapi/v2/jobv3/" + call.api().path() + "/", headers, write(body));
        }
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("bk_app_code", credentials.appCode());
        auth.put("bk_app_secret", credentials.appSecret());
        auth.put("bk_username", credentials.username());
        headers.put(AUTH_HEADER, write(auth));
        String url = base + "/api/v3/" + call.api().path();
        if ("GET".equals(call.api().gatewayMethod())) {
            return new EncodedJobRequest(call.api(), "GET", url + "?" + query(call.params()), headers, null);
        }
        headers.put("Content-Type", "application/json");
        return new EncodedJobRequest(call.api(), "POST", url, headers, write(call.params()));
    }

    private static String query(Map<String, Object> params) {
        StringJoiner q = new StringJoiner("&");
        for (Map.Entry<String, Object> e : params.entrySet()) {
            q.add(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not encode a Job request as JSON", e);
        }
    }

    private static String trimSlash(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
