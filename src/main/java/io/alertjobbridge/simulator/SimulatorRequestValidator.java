package io.alertjobbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks requests the way Job does and in the same order: bean validation of types, scope, IPs and callback URL
 * first (all 1240003, first failing field in the message), then the resource's own checks (1241005 / 1241007).
 *
 * <p>Deviation from Job: an {@code ip} may also be IPv6 text. Job v3 only takes dotted IPv4 in {@code ip_list},
 * but the bridge sends IPv6 hosts there, and refusing them would hide everything after the launch from its tests.
 */
final class SimulatorRequestValidator {

    /** Most hosts one log call may name (reference 6.1). */
    static final int MAX_LOG_HOSTS = 500;

    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+(%[0-9a-zA-Z]+)?");
    private static final long BIZ_SET_FIRST = 8_000_000;
    private static final long BIZ_SET_LAST = 9_999_999;

    private SimulatorRequestValidator() {
    }

    /**
     * Scope fields win; the deprecated {@code bk_biz_id} is read only when neither is present (our Job has the
     * compatibility toggle on), with Job's rule that 8000000..9999999 names a business set.
     */
    static Scope scope(JobRequest request) {
        String type = request.optionalString("bk_scope_type");
        String id = request.optionalString("bk_scope_id");
        if (type == null && id == null) {
            Long bizId = request.optionalLong("bk_biz_id");
            if (bizId == null) {
                throw JobApiException.badRequest("bk_scope_type and bk_scope_id are required");
            }
            if (bizId < 1) {
                throw JobApiException.badRequest("bk_biz_id must be >= 1");
            }
            boolean bizSet = bizId >= BIZ_SET_FIRST && bizId <= BIZ_SET_LAST;
            return new Scope(bizSet ? "biz_set" : "biz", String.valueOf(bizId));
        }
        if (type == null || !(type.equals("biz") || type.equals("biz_set"))) {
            throw JobApiException.badRequest("bk_scope_type is invalid: " + type);
        }
        if (id == null || id.isBlank()) {
            throw JobApiException.badRequest("bk_scope_id cannot be blank");
        }
        return new Scope(type, id.trim());
    }

    static LaunchRequest launch(JobRequest request) {
        Scope scope = scope(request);
        Long planId = request.optionalLong("job_plan_id");
        Boolean startTask = request.optionalBoolean("start_task");
        String callbackUrl = request.optionalString("callback_url");
        if (callbackUrl != null) {
            checkCallbackUrl(callbackUrl);
        }
        List<RequestVariable> variables = variables(request.optionalArray("global_var_list"));
        if (planId == null || planId <= 0) {
            throw JobApiException.invalidParam("job_plan_id");
        }
        for (RequestVariable variable : variables) {
            boolean validId = variable.id() != null && variable.id() >= 1;
            boolean validName = variable.name() != null && !variable.name().isBlank();
            if (!validId && !validName) {
                throw JobApiException.invalidParam("global_var.id|global_var.name");
            }
        }
        return new LaunchRequest(scope, planId, startTask == null || startTask, variables);
    }

    /** get_job_instance_status: a GET without the parameter fails in binding (1240003), a bad value in the resource. */
    static long statusInstanceId(JobRequest request) {
        if (request.fromQuery() && !request.has("job_instance_id")) {
            throw JobApiException.badRequest("Bad Request: [job_instance_id] is required");
        }
        Long id = request.optionalLong("job_instance_id");
        if (id == null || id < 1) {
            throw JobApiException.missingOrInvalidParam("job_instance_id");
        }
        return id;
    }

    static LogRequest logs(JobRequest request) {
        Scope scope = scope(request);
        long jobInstanceId = positive(request.optionalLong("job_instance_id"), "job_instance_id");
        long stepInstanceId = positive(request.optionalLong("step_instance_id"), "step_instance_id");
        List<Long> hostIds = hostIds(request.optionalArray("host_id_list"), "host_id_list");
        List<HostAddress> ips = ips(request.optionalArray("ip_list"), "ip_list");
        if (!hostIds.isEmpty()) {
            ips = List.of();
        }
        int count = hostIds.size() + ips.size();
        if (count == 0 || count > MAX_LOG_HOSTS) {
            throw JobApiException.missingOrInvalidParam("host_id_list/ip_list");
        }
        return new LogRequest(scope, jobInstanceId, stepInstanceId, hostIds, ips);
    }

    static boolean isValidIp(String text) {
        String ip = text.trim();
        if (IPV4.matcher(ip).matches()) {
            return true;
        }
        if (!ip.contains(":") || !IPV6_CHARS.matcher(ip).matches()) {
            return false;
        }
        try {
            // A literal with ':' is parsed as IPv6 text and never looked up in DNS.
            InetAddress.getByName(ip);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static HostAddress ip(JsonNode item, String path) {
        if (item == null || !item.isObject()) {
            throw JobApiException.badRequest("Bad Request: [" + path + "] must be an object");
        }
        Long cloudId = JobRequest.asLong(item.get("bk_cloud_id"), path + ".bk_cloud_id");
        if (cloudId == null || cloudId < 0) {
            throw JobApiException.badRequest(path + ".bk_cloud_id must be >= 0");
        }
        String ip = JobRequest.asString(item.get("ip"), path + ".ip");
        if (ip == null || !isValidIp(ip)) {
            throw JobApiException.badRequest(path + ".ip is invalid: " + ip);
        }
        return new HostAddress(cloudId, ip.trim());
    }

    private static long positive(Long value, String name) {
        if (value == null || value < 1) {
            throw JobApiException.badRequest(name + " must be >= 1");
        }
        return value;
    }

    private static List<RequestVariable> variables(ArrayNode items) {
        List<RequestVariable> variables = new ArrayList<>();
        if (items == null) {
            return variables;
        }
        for (int i = 0; i < items.size(); i++) {
            String path = "global_var_list[" + i + "]";
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                throw JobApiException.badRequest("Bad Request: [" + path + "] must be an object");
            }
            Long id = JobRequest.asLong(item.get("id"), path + ".id");
            String name = JobRequest.asString(item.get("name"), path + ".name");
            String value = JobRequest.asString(item.get("value"), path + ".value");
            JsonNode server = item.get("server");
            variables.add(new RequestVariable(id, name, value,
                    server == null || server.isNull() ? null : server(server, path + ".server")));
        }
        return variables;
    }

    private static RequestVariable.Server server(JsonNode server, String path) {
        if (!server.isObject()) {
            throw JobApiException.badRequest("Bad Request: [" + path + "] must be an object");
        }
        List<Long> hostIds = hostIds(array(server, "host_id_list", path), path + ".host_id_list");
        List<HostAddress> ips = ips(array(server, "ip_list", path), path + ".ip_list");
        ArrayNode groups = array(server, "dynamic_group_list", path);
        ArrayNode nodes = array(server, "topo_node_list", path);
        for (int i = 0; groups != null && i < groups.size(); i++) {
            String id = JobRequest.asString(groups.get(i).get("id"), path + ".dynamic_group_list[" + i + "].id");
            if (id == null || id.isBlank()) {
                throw JobApiException.badRequest(path + ".dynamic_group_list[" + i + "].id is required");
            }
        }
        for (int i = 0; nodes != null && i < nodes.size(); i++) {
            String nodePath = path + ".topo_node_list[" + i + "]";
            Long id = JobRequest.asLong(nodes.get(i).get("id"), nodePath + ".id");
            String type = JobRequest.asString(nodes.get(i).get("node_type"), nodePath + ".node_type");
            if (id == null || type == null || type.isBlank()) {
                throw JobApiException.badRequest(nodePath + ".id and node_type are required");
            }
        }
        return new RequestVariable.Server(hostIds, hostIds.isEmpty() ? ips : List.of(),
                groups == null ? 0 : groups.size(), nodes == null ? 0 : nodes.size());
    }

    private static ArrayNode array(JsonNode parent, String field, String path) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw JobApiException.badRequest("Bad Request: [" + path + "." + field + "] must be an array");
        }
        return (ArrayNode) value;
    }

    private static List<Long> hostIds(ArrayNode items, String path) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            Long id = JobRequest.asLong(items.get(i), path + "[" + i + "]");
            if (id == null) {
                throw JobApiException.badRequest(path + "[" + i + "] is required");
            }
            ids.add(id);
        }
        return ids;
    }

    private static List<HostAddress> ips(ArrayNode items, String path) {
        List<HostAddress> ips = new ArrayList<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            ips.add(ip(items.get(i), path + "[" + i + "]"));
        }
        return ips;
    }

    /** Job's callback check with the whitelist off: parses, http(s), a host, no user:pass. */
    private static void checkCallbackUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean ok = (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getRawUserInfo() == null;
            if (!ok) {
                throw JobApiException.badRequest("callback_url is invalid: " + url);
            }
        } catch (URISyntaxException e) {
            throw JobApiException.badRequest("callback_url is invalid: " + url);
        }
    }
}
