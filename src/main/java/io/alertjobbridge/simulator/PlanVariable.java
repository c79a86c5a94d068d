package io.alertjobbridge.simulator;

/**
 * A global variable of a simulated plan. {@code type} is Job's {@code TaskVariableTypeEnum} (1 string,
 * 2 namespace, 3 host list, 4 cipher, 5 associative array, 6 index array); a host list's default is the plan's
 * default hosts, so {@code defaultValue} is only used for the other types.
 */
record PlanVariable(long id, String name, int type, String defaultValue) {

    static final int STRING = 1;
    static final int HOST_LIST = 3;
    static final int CIPHER = 4;

    /** What plan detail and logs show instead of a cipher's value. */
    static final String CIPHER_MASK = "******";

    boolean isHostList() {
        return type == HOST_LIST;
    }

    boolean isCipher() {
        return type == CIPHER;
    }
}
