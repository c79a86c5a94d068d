package io.alertjobbridge.simulator;

import java.util.List;

/**
 * One item of execute_job_plan's {@code global_var_list}, already type-checked. {@code server} is null when
 * the item has none.
 */
record RequestVariable(Long id, String name, String value, Server server) {

    /** A host-list value: ids win over the deprecated IP list; groups and topo nodes are only counted. */
    record Server(List<Long> hostIds, List<HostAddress> ips, int dynamicGroups, int topoNodes) {

        boolean hasAnyList() {
            return !hostIds.isEmpty() || !ips.isEmpty() || dynamicGroups > 0 || topoNodes > 0;
        }
    }

    /** What the log and the launch record call it: the name if given, else the id. */
    String label() {
        return name != null && !name.isBlank() ? name : String.valueOf(id);
    }
}
