package io.alertjobbridge.mapping;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;

/**
 * The context a template is checked in at compile time: naming a filter or test that does not exist
 * is an error there. Jinjava quietly renders {@code x|no_such_filter} as empty, so a typo in a host
 * list template would leave the variable out and run the plan's default hosts; Jinja2, which
 * bk-monitor uses, refuses such a template when it compiles.
 *
 * <p>Rendering keeps Jinjava's lenient lookups: filters such as {@code map} look names up to decide
 * between a filter and an attribute, and compile-time checking has already rejected unknown names in
 * the template itself.
 */
final class StrictNamesContext extends Context {

    StrictNamesContext(Context parent) {
        super(parent);
    }

    @Override
    public Filter getFilter(String name) {
        Filter filter = super.getFilter(name);
        if (filter == null) {
            throw new UnknownNameException("no filter named '" + name + "'");
        }
        return filter;
    }

    @Override
    public ExpTest getExpTest(String name) {
        ExpTest test = super.getExpTest(name);
        if (test == null) {
            throw new UnknownNameException("no test named '" + name + "'");
        }
        return test;
    }

    /** The unknown-name failure behind a Jinjava error, or null; Jinjava wraps it once or twice. */
    static UnknownNameException unknownNameIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof UnknownNameException unknown) {
                return unknown;
            }
        }
        return null;
    }

    /** Jinjava records it as a fatal error of the expression that used the name. */
    static final class UnknownNameException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownNameException(String message) {
            super(message);
        }
    }
}
