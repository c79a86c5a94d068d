package io.alertjobbridge.simulator;

/** The resource scope every call names (reference 2.1): {@code biz} or {@code biz_set} plus the id as text. */
record Scope(String type, String id) {
}
