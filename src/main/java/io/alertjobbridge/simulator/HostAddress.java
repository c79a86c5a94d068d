package io.alertjobbridge.simulator;

/** A host as clients name it: cloud area and IP text (IPv4, or IPv6 as this simulator also accepts). */
record HostAddress(long cloudId, String ip) {
}
