package io.alertjobbridge.mapping;

/**
 * Recognises IP address literals without ever resolving a name ({@code InetAddress.getByName} would
 * send "host-a" to DNS). Returns the canonical text, or {@code null} when the input is not a literal.
 */
public final class IpLiterals {

    private IpLiterals() {
    }

    /**
     * A dotted quad of decimal numbers 0..255. Leading zeros are refused ("010" is octal to some parsers,
     * so it would not name one host for certain); the accepted text is already canonical.
     */
    public static String canonicalIpv4(String s) {
        return isIpv4(s, 0, s.length()) ? s : null;
    }

    /**
     * Any RFC 4291 text form (with "::", with a trailing dotted quad), without zone ids, written back in
     * the RFC 5952 form: lower case, no leading zeros, the longest run of two or more zero groups as "::".
     * So "FD00:0::15" and "fd00::15" are the same host.
     */
    public static String canonicalIpv6(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return null;
        }
        int[] groups = new int[8];
        int doubleColon = s.indexOf("::");
        if (doubleColon < 0) {
            return parseGroups(s, groups, true) == 8 ? format(groups) : null;
        }
        if (s.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        String head = s.substring(0, doubleColon);
        String tail = s.substring(doubleColon + 2);
        int[] tailGroups = new int[8];
        int headCount = head.isEmpty() ? 0 : parseGroups(head, groups, false);
        int tailCount = tail.isEmpty() ? 0 : parseGroups(tail, tailGroups, true);
        if (headCount < 0 || tailCount < 0 || headCount + tailCount > 7) {
            return null;
        }
        System.arraycopy(tailGroups, 0, groups, 8 - tailCount, tailCount);
        return format(groups);
    }

    /**
     * Parses ":"-separated hex groups into {@code out}; the last part may be a dotted quad (two groups)
     * when {@code allowIpv4Tail}. Returns the number of groups, or -1 if malformed.
     */
    private static int parseGroups(String s, int[] out, boolean allowIpv4Tail) {
        int count = 0;
        int partStart = 0;
        while (true) {
            int colon = s.indexOf(':', partStart);
            int partEnd = colon < 0 ? s.length() : colon;
            boolean last = colon < 0;
            if (last && allowIpv4Tail && s.indexOf('.', partStart) >= 0) {
                if (count > 6 || !isIpv4(s, partStart, partEnd)) {
                    return -1;
                }
                int[] octets = octets(s, partStart, partEnd);
                out[count++] = octets[0] << 8 | octets[1];
                out[count++] = octets[2] << 8 | octets[3];
                return count;
            }
            int group = hexGroup(s, partStart, partEnd);
            if (group < 0 || count >= 8) {
                return -1;
            }
            out[count++] = group;
            if (last) {
                return count;
            }
            partStart = colon + 1;
        }
    }

    private static int hexGroup(String s, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 4) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = hexDigit(s.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** ASCII only: {@code Character.digit} would also take other scripts' digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isIpv4(String s, int from, int to) {
        int dots = 0;
        int octetStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '.') {
                if (!isOctet(s, octetStart, i)) {
                    return false;
                }
                if (i < to) {
                    dots++;
                }
                octetStart = i + 1;
            }
        }
        return dots == 3;
    }

    private static boolean isOctet(String s, int from, int to) {
        int length = to - from;
        if (length < 1 || length > 3 || (length > 1 && s.charAt(from) == '0')) {
            return false;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255;
    }

    private static int[] octets(String s, int from, int to) {
        int[] octets = new int[4];
        int index = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                index++;
            } else {
                octets[index] = octets[index] * 10 + (c - '0');
            }
        }
        return octets;
    }

    private static String format(int[] groups) {
        int bestStart = -1;
        int bestLength = 1; // a single zero group is written "0", never "::" (RFC 5952 section 4.2.2)
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int runStart = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - runStart > bestLength) {
                bestStart = runStart;
                bestLength = i - runStart;
            }
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
