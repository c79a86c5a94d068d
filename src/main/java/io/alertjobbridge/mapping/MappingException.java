package io.alertjobbridge.mapping;

/**
 * A mapping could not be made. The message is the user-facing reason: it names the template_detail key
 * and the problem, and never carries a cipher (category 4) value or template.
 */
public final class MappingException extends Exception {

    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
