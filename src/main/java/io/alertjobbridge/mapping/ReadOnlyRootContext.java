package io.alertjobbridge.mapping;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The root of every render's context: holds the tag, filter, test and function libraries, built once
 * and then shared by all threads.
 *
 * <p>Jinjava contexts push bookkeeping up to their parents: each resolved expression, value and
 * function is also added to the parent's plain {@code HashSet}s. Under a shared root those writes would
 * race between threads and grow without end, so here they stop. Nothing reads them: they serve
 * Jinjava's eager (deferred) execution mode, which is not used. File dependencies, the other thing
 * pushed up, are only recorded by include, import, from and extends, which the sandbox disables.
 *
 * <p>The functions templates may call are only those in the list given here, computed once: every new
 * interpreter binds the whole list into its expression context, and Jinjava rebuilt it through two
 * streams each time, which made binding functions the largest single cost of a simple render.
 */
final class ReadOnlyRootContext extends Context {

    private final List<ELFunctionDefinition> functions;

    /**
     * @param disabled  tags and filters templates may not use
     * @param functions names of the un-namespaced functions templates may call; all others are unbound
     */
    ReadOnlyRootContext(Map<Library, Set<String>> disabled, Set<String> functions) {
        super(null, null, disabled, true);
        // Looking up a macro creates the root's macro map on first use; create it now, before the root
        // is shared, so that later lookups only read.
        getGlobalMacros();
        this.functions = super.getAllFunctions().stream()
                .filter(function -> function.getNamespace().isEmpty() && functions.contains(function.getLocalName()))
                .toList();
    }

    @Override
    public Collection<ELFunctionDefinition> getAllFunctions() {
        return functions;
    }

    @Override
    public void addResolvedExpression(String expression) {
    }

    @Override
    public void addResolvedValue(String value) {
    }

    @Override
    public void addResolvedFunction(String function) {
    }

    @Override
    public void addDependency(String type, String identification) {
    }
}
