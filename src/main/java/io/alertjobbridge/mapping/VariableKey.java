package io.alertjobbridge.mapping;

/**
 * A template_detail key, {@code "{id}_{category}"}: the Job global variable id and its Job type
 * (bk-job-api.md section 12). Only two categories change how a value is sent: 3 (host list) goes in
 * {@code server.ip_list}, 4 (cipher) is masked wherever it could be seen.
 *
 * @param text     the key as written, for messages
 * @param id       Job global variable id, at least 1 (Job ignores ids below 1)
 * @param category Job variable type, a non-negative integer
 */
record VariableKey(String text, long id, int category) {

    static final int HOST_LIST = 3;
    static final int CIPHER = 4;

    boolean isHostList() {
        return category == HOST_LIST;
    }

    boolean isCipher() {
        return category == CIPHER;
    }

    /** Accepts ASCII digits, one "_", ASCII digits; nothing else (no sign, no spaces, no second "_"). */
    static VariableKey parse(String key) throws MappingException {
        if (key == null) {
            throw new MappingException("template_detail has a null key");
        }
        int underscore = key.indexOf('_');
        if (underscore < 0 || underscore != key.lastIndexOf('_')
                || !isDigits(key, 0, underscore) || !isDigits(key, underscore + 1, key.length())) {
            throw new MappingException("template_detail key \"" + key
                    + "\" is not \"{variable id}_{category}\" (two non-negative integers joined by one \"_\")");
        }
        long id = parseNumber(key, key.substring(0, underscore), Long.MAX_VALUE, "variable id");
        long category = parseNumber(key, key.substring(underscore + 1), Integer.MAX_VALUE, "category");
        if (id < 1) {
            throw new MappingException("template_detail key \"" + key + "\": variable id must be >= 1, got " + id);
        }
        return new VariableKey(key, id, (int) category);
    }

    private static boolean isDigits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static long parseNumber(String key, String digits, long max, String what) throws MappingException {
        try {
            long value = Long.parseLong(digits);
            if (value <= max) {
                return value;
            }
        } catch (NumberFormatException tooLong) {
            // digits only, so the sole way to fail is overflow: reported below
        }
        throw new MappingException("template_detail key \"" + key + "\": " + what + " " + digits + " is too large");
    }
}
