package io.alertjobbridge.mapping;

/**
 * One target host as Job's {@code ip_list} names it. Equal cloud and ip mean the same host, which is how
 * a host list drops duplicates.
 *
 * @param cloudId BlueKing cloud area id, >= 0 (0 is the default area)
 * @param ip      a canonical IPv4 or IPv6 literal (see {@link IpLiterals})
 */
record HostAddress(long cloudId, String ip) {
}
