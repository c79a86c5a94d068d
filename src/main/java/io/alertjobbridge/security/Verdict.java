package io.alertjobbridge.security;

/**
 * The outcome of one credential check. Only {@link #ADMITTED} lets a request in; the others say why
 * not, for the log and the metrics. The caller is never told which: every refusal is the same 401.
 */
public enum Verdict {
    ADMITTED,
    /** No credential of this kind in the request (or one that cannot be read). */
    MISSING,
    /** A credential of this kind that does not match. */
    WRONG,
    /** A correct signature whose timestamp is outside the replay window. */
    STALE,
    /** A correct, fresh signature that was already used once. */
    REPLAYED;

    /** Which of two refusals says more: a credential that was tried tells more than one that was absent. */
    Verdict moreTelling(Verdict other) {
        return this == MISSING ? other : this;
    }
}
