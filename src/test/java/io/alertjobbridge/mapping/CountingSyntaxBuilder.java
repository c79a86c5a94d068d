package io.alertjobbridge.mapping;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import java.util.concurrent.atomic.AtomicInteger;
import jinjava.de.odysseus.el.tree.Tree;
import jinjava.de.odysseus.el.tree.TreeBuilderException;
import jinjava.de.odysseus.el.tree.impl.Builder;

/** Jinjava's expression parser, counting how often it parses. JUEL creates it by class name. */
public class CountingSyntaxBuilder extends ExtendedSyntaxBuilder {

    private static final long serialVersionUID = 1L;

    static final AtomicInteger PARSES = new AtomicInteger();

    public CountingSyntaxBuilder() {
        super();
    }

    public CountingSyntaxBuilder(Builder.Feature... features) {
        super(features);
    }

    @Override
    public Tree build(String expression) throws TreeBuilderException {
        PARSES.incrementAndGet();
        return super.build(expression);
    }
}
