package io.alertjobbridge.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the items of Job's {@code global_var_list} (bk-job-api.md section 3) as unmodifiable,
 * insertion-ordered maps, so the JSON reads {@code {"id":..., "value":...}} every time.
 */
final class GlobalVarEntries {

    /** How Job itself shows a cipher value (bk-job-api.md section 12). */
    static final String MASK = "******";

    private GlobalVarEntries() {
    }

    /** {@code {"id": id, "value": value}}: every category but host lists. */
    static Map<String, Object> value(long id, String value) {
        Map<String, Object> entry = new LinkedHashMap<>(4);
        entry.put("id", id);
        entry.put("value", value);
        return Collections.unmodifiableMap(entry);
    }

    /**
     * {@code {"id": id, "server": {"ip_list": [{"bk_cloud_id": c, "ip": ip}, ...]}}}: all hosts of one
     * variable in one item. Job keeps only the last item per id, so one item per host (as bk-monitor
     * sends) would target only the last host.
     */
    static Map<String, Object> hosts(long id, List<HostAddress> hosts) {
        List<Map<String, Object>> ipList = new ArrayList<>(hosts.size());
        for (HostAddress host : hosts) {
            Map<String, Object> ip = new LinkedHashMap<>(4);
            ip.put("bk_cloud_id", host.cloudId());
            ip.put("ip", host.ip());
            ipList.add(Collections.unmodifiableMap(ip));
        }
        Map<String, Object> entry = new LinkedHashMap<>(4);
        entry.put("id", id);
        entry.put("server", Map.of("ip_list", Collections.unmodifiableList(ipList)));
        return Collections.unmodifiableMap(entry);
    }
}
