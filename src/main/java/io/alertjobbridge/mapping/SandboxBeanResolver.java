package io.alertjobbridge.mapping;

import com.hubspot.jinjava.el.TypeConvertingMapELResolver;
import com.hubspot.jinjava.el.ext.JinjavaBeanELResolver;
import com.hubspot.jinjava.el.ext.JinjavaListELResolver;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.objects.collections.PyMap;
import com.hubspot.jinjava.objects.date.PyishDate;
import com.hubspot.jinjava.util.ForLoop;
import java.util.Map;
import java.util.Set;
import jinjava.javax.el.ArrayELResolver;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;
import jinjava.javax.el.MethodNotFoundException;

/**
 * What a template may do with the Java objects it reaches: read map keys, list items and a few
 * Jinjava objects, and call nothing but filters, tests and a short list of read-only helpers.
 *
 * <p>Jinjava's own resolver lets a template call any public method that is not on a small deny list:
 * {@code alert.event.clear()} would empty the alert other variables render from, and
 * {@code ''.repeat(2000000000)} would exhaust the heap before any output limit is checked. So this
 * resolver turns the deny list into an allow list. Everything else renders empty (property reads, as
 * an undefined name does) or fails the template (method calls).
 */
final class SandboxBeanResolver extends JinjavaBeanELResolver {

    /** Python-style read-only dict helpers: {@code d.items()}, {@code d.keys()}, {@code d.get('k', x)}. */
    private static final Set<String> MAP_METHODS = Set.of("items", "keys", "values", "get");

    private SandboxBeanResolver() {
        super(true);
    }

    /**
     * The resolver chain for templates: arrays, lists and maps read-only (the chain Jinjava uses by
     * default, minus resource bundles), then this class for everything else.
     */
    static ELResolver readOnlyChain() {
        CompositeELResolver chain = new CompositeELResolver();
        chain.add(new ArrayELResolver(true));
        chain.add(new JinjavaListELResolver(true));
        chain.add(new TypeConvertingMapELResolver(true));
        chain.add(new SandboxBeanResolver());
        return chain;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null || mayReadPropertiesOf(base)) {
            return super.getValue(context, base, property);
        }
        context.setPropertyResolved(true);
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || !mayCall(base, String.valueOf(method))) {
            throw new MethodNotFoundException("calling '" + method + "' is not allowed in templates (use filters)");
        }
        return super.invoke(context, base, method, paramTypes, params);
    }

    /** {@code loop.index}, date fields, and the key and value of a {@code d.items()} entry. */
    private static boolean mayReadPropertiesOf(Object base) {
        return base instanceof ForLoop || base instanceof PyishDate || base instanceof Map.Entry;
    }

    /**
     * Filters and tests reach this resolver as calls ({@code x|upper} is parsed to
     * {@code filter:upper.filter(x, ...)}), so they must stay callable.
     */
    private static boolean mayCall(Object base, String method) {
        if (base instanceof Filter) {
            return method.equals("filter");
        }
        if (base instanceof ExpTest) {
            return method.equals("evaluate") || method.equals("evaluateNegated");
        }
        if (base instanceof ForLoop) {
            return method.equals("cycle");
        }
        return base instanceof PyMap && MAP_METHODS.contains(method);
    }
}
