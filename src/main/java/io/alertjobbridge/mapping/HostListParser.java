package io.alertjobbridge.mapping;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the rendered value of a host list variable (category 3) into hosts.
 *
 * <p>The value is split on ";", "," and whitespace (bk-monitor splits on ";" only, so "a,b" from
 * {@code target.hosts.*} reached Job as one bad IP). Each piece is one of
 * <ul>
 * <li>{@code ip}: an IPv4 dotted quad or an IPv6 literal; the cloud id is the alert's,</li>
 * <li>{@code cloud:ipv4}, e.g. {@code 2:10.0.0.1},</li>
 * <li>{@code cloud:[ipv6]} or {@code [ipv6]}, e.g. {@code 2:[fd00::15]}.</li>
 * </ul>
 * A piece with two or more ":" and no brackets is an IPv6 literal: "2:fd00::15" is the address
 * 2:fd00::15, not cloud 2. Hosts come back in first-seen order without duplicates; an empty value gives
 * no hosts, which leaves the variable out so the plan's default hosts run.
 */
final class HostListParser {

    private static final String FORMS = "expected an IPv4 address, an IPv6 address, \"cloud:ipv4\" or \"cloud:[ipv6]\"";

    private HostListParser() {
    }

    /**
     * @param key            the variable's key, for messages
     * @param rendered       the rendered template value
     * @param defaultCloudId cloud id for pieces that name none (see {@link #defaultCloudId(Object)})
     */
    static List<HostAddress> parse(String key, String rendered, long defaultCloudId) throws MappingException {
        Set<HostAddress> hosts = new LinkedHashSet<>();
        int length = rendered.length();
        int pieceStart = -1;
        for (int i = 0; i <= length; i++) {
            boolean separator = i == length || isSeparator(rendered.charAt(i));
            if (separator && pieceStart >= 0) {
                hosts.add(parsePiece(key, rendered.substring(pieceStart, i), defaultCloudId));
                pieceStart = -1;
            } else if (!separator && pieceStart < 0) {
                pieceStart = i;
            }
        }
        return new ArrayList<>(hosts);
    }

    /**
     * The cloud id of the alert's event ({@code alert.event.bk_cloud_id}) when it is a non-negative
     * integer or a string of digits, else 0, the default area. Events without a host carry "" here.
     */
    static long defaultCloudId(Object eventCloudId) {
        if (eventCloudId instanceof Integer || eventCloudId instanceof Long
                || eventCloudId instanceof Short || eventCloudId instanceof Byte) {
            return Math.max(0, ((Number) eventCloudId).longValue());
        }
        if (eventCloudId instanceof BigInteger big) {
            return big.signum() >= 0 && big.bitLength() < 64 ? big.longValue() : 0;
        }
        if (eventCloudId instanceof String text) {
            Long parsed = parseCloudId(text.trim());
            return parsed == null ? 0 : parsed;
        }
        return 0;
    }

    private static boolean isSeparator(char c) {
        return c == ';' || c == ',' || Character.isWhitespace(c);
    }

    private static HostAddress parsePiece(String key, String piece, long defaultCloudId) throws MappingException {
        if (piece.charAt(0) == '[') {
            return new HostAddress(defaultCloudId, bracketedIpv6(key, piece, 0));
        }
        int bracket = piece.indexOf(":[");
        if (bracket >= 0) {
            return new HostAddress(cloudId(key, piece, piece.substring(0, bracket)),
                    bracketedIpv6(key, piece, bracket + 1));
        }
        int colon = piece.indexOf(':');
        if (colon < 0) {
            return new HostAddress(defaultCloudId, ipv4(key, piece, piece));
        }
        if (colon == piece.lastIndexOf(':')) {
            return new HostAddress(cloudId(key, piece, piece.substring(0, colon)),
                    ipv4(key, piece, piece.substring(colon + 1)));
        }
        String ip = IpLiterals.canonicalIpv6(piece);
        if (ip == null) {
            throw bad(key, piece, "not a valid IPv6 address");
        }
        return new HostAddress(defaultCloudId, ip);
    }

    private static String ipv4(String key, String piece, String text) throws MappingException {
        String ip = IpLiterals.canonicalIpv4(text);
        if (ip == null) {
            throw bad(key, piece, (text.equals(piece) ? "" : "\"" + text + "\" is ") + "not a valid IPv4 address");
        }
        return ip;
    }

    /** {@code open} is the index of "[" in {@code piece}; "]" must end the piece. */
    private static String bracketedIpv6(String key, String piece, int open) throws MappingException {
        int close = piece.length() - 1;
        String ip = close > open && piece.charAt(close) == ']'
                ? IpLiterals.canonicalIpv6(piece.substring(open + 1, close)) : null;
        if (ip == null) {
            throw bad(key, piece, "\"" + piece.substring(open) + "\" is not a bracketed IPv6 address");
        }
        return ip;
    }

    private static long cloudId(String key, String piece, String text) throws MappingException {
        Long cloudId = parseCloudId(text);
        if (cloudId == null) {
            throw bad(key, piece, "cloud id \"" + text + "\" is not a non-negative integer");
        }
        return cloudId;
    }

    /** ASCII digits that fit a long, else null. */
    private static Long parseCloudId(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Long.parseLong(text);
    }

    private static MappingException bad(String key, String piece, String problem) {
        return new MappingException("host list key \"" + key + "\": \"" + piece + "\" is not a host: " + problem
                + " (" + FORMS + ")");
    }
}
