package io.alertjobbridge.mapping;

import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.OutputTooBigException;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateError.ErrorReason;

/**
 * Why Jinjava could not parse or render a template, without knowing which variable it was. The
 * {@linkplain #detail() detail} is Jinjava's own wording and may quote the template, so whoever turns
 * this into a user-facing message decides whether the detail may be shown.
 */
final class TemplateProblem extends Exception {

    private static final long serialVersionUID = 1L;

    enum Kind {
        /** Syntax error, forbidden tag or call, or a fatal error while rendering. */
        INVALID,
        /** Output above {@link MappingLimits#maxOutputBytes()}. */
        OUTPUT_TOO_LARGE,
        /** Rendering ran past {@link MappingLimits#maxRenderMillis()}. */
        TOO_SLOW
    }

    private final Kind kind;
    private final String detail;
    private final int line;

    TemplateProblem(Kind kind, String detail, int line, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
        this.detail = detail;
        this.line = line;
    }

    static TemplateProblem tooSlow() {
        return new TemplateProblem(Kind.TOO_SLOW, "render time budget exceeded", -1, null);
    }

    static TemplateProblem of(TemplateError error) {
        Kind kind = error.getReason() == ErrorReason.OUTPUT_TOO_BIG ? Kind.OUTPUT_TOO_LARGE : Kind.INVALID;
        // Jinjava words an unknown filter as "Error resolving expression [...]: <class>: <message>".
        Throwable unknownName = StrictNamesContext.unknownNameIn(error.getException());
        String detail = unknownName == null ? error.getMessage() : unknownName.getMessage();
        return new TemplateProblem(kind, detail, error.getLineno(), error.getException());
    }

    /** For what Jinjava throws instead of recording (tag syntax such as a bare {@code {% for %}}). */
    static TemplateProblem of(RuntimeException thrown) {
        if (thrown instanceof OutputTooBigException) {
            return new TemplateProblem(Kind.OUTPUT_TOO_LARGE, thrown.getMessage(), -1, thrown);
        }
        int line = thrown instanceof InterpretException interpret ? interpret.getLineNumber() : -1;
        String detail = thrown instanceof InterpretException
                ? thrown.getMessage() : thrown.getClass().getSimpleName() + ": " + thrown.getMessage();
        return new TemplateProblem(Kind.INVALID, detail, line, thrown);
    }

    Kind kind() {
        return kind;
    }

    String detail() {
        return detail;
    }

    /** Line in the template, 1-based, or -1 when Jinjava did not say. */
    int line() {
        return line;
    }
}
