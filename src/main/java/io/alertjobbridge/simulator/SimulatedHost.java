package io.alertjobbridge.simulator;

/** A host with the synthetic {@code bk_host_id} the simulator gave it. */
record SimulatedHost(long hostId, long cloudId, String ip) {

    HostAddress address() {
        return new HostAddress(cloudId, ip);
    }
}
