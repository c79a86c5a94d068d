package io.alertjobbridge.simulator;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives each (cloud area, IP) a stable synthetic {@code bk_host_id}, like CMDB does, and finds hosts by id.
 * Ids survive a simulator reset so a client's stored host ids stay valid. A host id the simulator never handed
 * out (e.g. taken from an alert) is accepted as a CMDB host it has not seen yet: it gets an address in the
 * 198.18.0.0/15 benchmarking range, so it cannot be mistaken for a real target.
 */
final class HostRegistry {

    private static final long FIRST_HOST_ID = 30001;

    private final ConcurrentMap<HostAddress, SimulatedHost> byAddress = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, SimulatedHost> byId = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(FIRST_HOST_ID);

    SimulatedHost byAddress(HostAddress address) {
        HostAddress key = new HostAddress(address.cloudId(), address.ip().trim().toLowerCase(Locale.ROOT));
        return byAddress.computeIfAbsent(key, this::register);
    }

    SimulatedHost byId(long hostId) {
        SimulatedHost known = byId.get(hostId);
        if (known != null) {
            return known;
        }
        HostAddress invented = new HostAddress(0, "198." + (18 + ((hostId >> 16) & 1)) + "." + ((hostId >> 8) & 255)
                + "." + (hostId & 255));
        SimulatedHost host = new SimulatedHost(hostId, invented.cloudId(), invented.ip());
        SimulatedHost raced = byId.putIfAbsent(hostId, host);
        return raced != null ? raced : host;
    }

    /** Called inside computeIfAbsent, so at most once per address; skips ids a client already claimed. */
    private SimulatedHost register(HostAddress address) {
        while (true) {
            SimulatedHost host = new SimulatedHost(nextId.getAndIncrement(), address.cloudId(), address.ip());
            if (byId.putIfAbsent(host.hostId(), host) == null) {
                return host;
            }
        }
    }
}
