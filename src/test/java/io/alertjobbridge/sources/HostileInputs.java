package io.alertjobbridge.sources;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The hostile input corpus, generated: malformed JSON, wrong types, oversize and over-deep bodies,
 * template injection, wrong content types, missing, wrong, stale and replayed credentials, for every
 * inbound endpoint. Each case says which 4xx the bridge must answer; none may store anything.
 */
final class HostileInputs {

    /** One request and the statuses it may be answered with. */
    record Case(String name, String path, byte[] body, Map<String, String> headers, Set<Integer> expected) {
    }

    /** How a case is signed for an endpoint: headers for these body bytes (a token, or a signature). */
    interface Credentials extends Function<byte[], Map<String, String>> {
    }

    private final Map<String, String> endpoints;
    private final Map<String, Credentials> credentials;
    private final List<Case> cases = new ArrayList<>();

    /**
     * @param endpoints   endpoint name to path
     * @param credentials endpoint name to the headers that admit a body there
     */
    HostileInputs(Map<String, String> endpoints, Map<String, Credentials> credentials) {
        this.endpoints = endpoints;
        this.credentials = credentials;
    }

    List<Case> cases() {
        return cases;
    }

    private void add(String endpoint, String name, byte[] body, Map<String, String> extraHeaders, Set<Integer> expected,
                     boolean admitted) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (admitted) {
            headers.putAll(credentials.get(endpoint).apply(body));
        }
        headers.putAll(extraHeaders);
        headers.values().removeIf(v -> v == null);
        cases.add(new Case(endpoint + ": " + name, endpoints.get(endpoint), body, headers, expected));
    }

    /** An admitted request that the bridge must refuse for its body. */
    void body(String endpoint, String name, String body, int... statuses) {
        add(endpoint, name, bytes(body), Map.of(), statuses(statuses), true);
    }

    void bodyBytes(String endpoint, String name, byte[] body, int... statuses) {
        add(endpoint, name, body, Map.of(), statuses(statuses), true);
    }

    /** An admitted request with other headers (a content type). */
    void headers(String endpoint, String name, String body, Map<String, String> headers, int... statuses) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        add(endpoint, name, bytes(body), h, statuses(statuses), true);
    }

    /** A request without the endpoint's credential, with these headers instead. */
    void unauthenticated(String endpoint, String name, String body, Map<String, String> headers) {
        add(endpoint, name, bytes(body), headers, Set.of(401), false);
    }

    /** The same request again, exactly: a replay. */
    void repeat(Case c, String name, int... statuses) {
        cases.add(new Case(c.name() + " " + name, c.path(), c.body(), c.headers(), statuses(statuses)));
    }

    Case last() {
        return cases.get(cases.size() - 1);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Set<Integer> statuses(int... statuses) {
        Set<Integer> out = new java.util.HashSet<>();
        for (int s : statuses) {
            out.add(s);
        }
        return Set.copyOf(out);
    }

    // ---- the bodies --------------------------------------------------------------------------------

    /** JSON that no endpoint may take, whatever its format. */
    static Map<String, String> malformed(int maxDepth, int maxString, int maxItems) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("empty body", "");
        m.put("blank body", " \r\n\t ");
        m.put("unclosed object", "{");
        m.put("unclosed string", "{\"id\": \"1");
        m.put("trailing comma", "{\"id\": \"1\",}");
        m.put("two documents", "{\"id\": \"1\"} {\"id\": \"2\"}");
        m.put("garbage after the document", "{\"id\": \"1\"} <script>");
        m.put("single quotes", "{'id': '1'}");
        m.put("unquoted key", "{id: 1}");
        m.put("NaN", "{\"id\": NaN}");
        m.put("Infinity", "{\"id\": Infinity}");
        m.put("leading zero", "{\"id\": 01}");
        m.put("hex number", "{\"id\": 0x1F}");
        m.put("comment", "{/* c */ \"id\": \"1\"}");
        m.put("raw control character in a string", "{\"id\": \"a\u0001b\"}");
        m.put("duplicate key", "{\"id\": \"1\", \"id\": \"2\"}");
        m.put("bare word", "alert");
        m.put("xml", "<alert id=\"1\"/>");
        m.put("object nested too deep", "{\"a\": ".repeat(maxDepth) + "{}" + "}".repeat(maxDepth));
        m.put("list nested 10000 deep", "[".repeat(10_000) + "]".repeat(10_000));
        m.put("list of " + (maxItems + 1) + " items", "{\"alerts\": [" + "1,".repeat(maxItems) + "1]}");
        m.put("list of 100000 items", "{\"alerts\": [" + "0,".repeat(99_999) + "0]}");
        m.put("string of " + (maxString + 1) + " characters", "{\"id\": \"" + "x".repeat(maxString + 1) + "\"}");
        m.put("key of 5000 characters", "{\"" + "k".repeat(5000) + "\": 1}");
        m.put("number of 500 digits", "{\"id\": " + "9".repeat(500) + "}");
        return m;
    }

    /** JSON of the wrong kind for an alert. */
    static Map<String, String> notAnAlert() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("null", "null");
        m.put("a string", "\"alert\"");
        m.put("a number", "42");
        m.put("true", "true");
        m.put("an empty list", "[]");
        m.put("an empty object", "{}");
        return m;
    }

    /** A body over 1 MiB, which the HTTP server refuses before anything reads it. */
    static String oversize() {
        return "{\"id\": \"1\", \"pad\": \"" + "x".repeat(1_100_000) + "\"}";
    }

    /** Content types that are not JSON. */
    static List<String> wrongContentTypes() {
        return List.of("text/plain", "application/xml", "text/html; charset=utf-8", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=xyz", "application/octet-stream", "application/javascript");
    }

    /** Ids no source takes: control and invisible format characters. */
    static List<String> badIds() {
        return List.of("a\nb", "a\u0000b", "line\rbreak", "\u202etxt.exe", "zero\u200bwidth", "a\u001bb", " ");
    }

    /** Template and expression syntax where a fixed word or a number is expected. */
    static List<String> injections() {
        return List.of("{{7*7}}", "{% for i in range(999999999) %}x{% endfor %}", "${jndi:ldap://127.0.0.1/x}",
                "#{T(java.lang.Runtime).getRuntime()}", "<script>alert(1)</script>", "1' OR '1'='1");
    }
}
