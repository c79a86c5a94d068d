package io.alertjobbridge.mapping;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import com.hubspot.jinjava.el.JinjavaProcessors;
import com.hubspot.jinjava.el.TruthyTypeConverter;
import com.hubspot.jinjava.el.ext.ExtendedParser;
import com.hubspot.jinjava.interpret.AutoCloseableSupplier.AutoCloseableImpl;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.Context.Library;
import com.hubspot.jinjava.interpret.ContextConfigurationIF.ErrorHandlingStrategyIF.TemplateErrorTypeHandlingStrategy;
import com.hubspot.jinjava.interpret.ErrorHandlingStrategy;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateError.ErrorType;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.tree.Node;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeBuilder;
import jinjava.javax.el.ExpressionFactory;

/**
 * The one Jinjava set-up every template goes through: parsed once by {@link #compile(String)}, then
 * rendered per alert in a {@link RenderSession}.
 *
 * <p>What the sandbox holds back, and why:
 * <ul>
 * <li>Java: {@link SandboxBeanResolver} allows filters, tests and a few read-only helpers, nothing
 *     else; the name {@code ____int3rpr3t3r____}, which Jinjava resolves to its interpreter, is refused.</li>
 * <li>Files: include, import, from and extends are disabled and the resource locator refuses every
 *     name; by default they read the classpath, where application.properties lives.</li>
 * <li>Functions: only {@code range}, {@code namespace} and {@code type}; the rest repeat filters or
 *     read the clock.</li>
 * <li>Alert data as code: nested interpretation is off (on by default: a value containing
 *     "{{ ... }}" would be rendered again) and the {@code render} filter is disabled. {@code pprint}
 *     is disabled as it dumps any object's getters.</li>
 * <li>Cost: output and string size, range size, render depth and a time budget per value
 *     ({@link MappingLimits}); recursive macros stay off.</li>
 * </ul>
 *
 * <p>Thread safety: the Jinjava instance, the root context, the expression cache and the node trees
 * are shared; the first three are only read or are thread-safe, the trees are never changed after
 * parsing. Each render builds its own context and interpreter.
 */
final class JinjavaSandbox {

    /**
     * Jinjava (its JUEL engine) parses each expression on first use and caches the result, 1000
     * expressions by default; with more distinct expressions than that across all action configs some
     * would be parsed again on every render. The parsed trees are small, so the cache is made large
     * enough never to evict in practice. The cache is thread-safe.
     */
    static final int EXPRESSION_CACHE_SIZE = 10_000;

    private static final Map<Library, Set<String>> DISABLED = Map.of(
            Library.TAG, Set.of("include", "import", "from", "extends"),
            Library.FILTER, Set.of("render", "pprint"));

    /**
     * Functions templates may call. Jinjava's others either repeat a filter ({@code datetimeformat},
     * {@code truncate}, {@code strtotime}, ...: use {@code x|datetimeformat(...)}), read the clock
     * ({@code today}), serve disabled tags ({@code super}) or make Java lists ({@code fn:list}); each one
     * bound also costs every render.
     */
    private static final Set<String> FUNCTIONS = Set.of("range", "namespace", "type");

    /** Renders record fatal errors only: warnings (unknown names) are normal and cost allocations. */
    private static final ErrorHandlingStrategy FATAL_ERRORS_ONLY = ErrorHandlingStrategy.builder()
            .setFatalErrorStrategy(TemplateErrorTypeHandlingStrategy.ADD_ERROR)
            .setNonFatalErrorStrategy(TemplateErrorTypeHandlingStrategy.IGNORE)
            .build();

    private final Jinjava jinjava;
    private final Context root;
    private final JinjavaConfig renderConfig;
    private final JinjavaConfig validationConfig;
    private final long budgetNanos;

    JinjavaSandbox(MappingLimits limits) {
        this(limits, ExtendedSyntaxBuilder.class);
    }

    /** @param expressionParser the JUEL tree builder; tests pass a counting subclass of the default */
    JinjavaSandbox(MappingLimits limits, Class<? extends TreeBuilder> expressionParser) {
        JinjavaConfig.Builder config = JinjavaConfig.newBuilder()
                .withMaxOutputSize(limits.maxOutputBytes())
                .withMaxStringLength(limits.maxOutputBytes())
                .withRangeLimit(limits.maxRangeSize())
                .withMaxRenderDepth(limits.maxRenderDepth())
                .withEnableRecursiveMacroCalls(false)
                .withNestedInterpretationEnabled(false)
                .withFailOnUnknownTokens(false)
                .withDisabled(DISABLED)
                .withElResolver(SandboxBeanResolver.readOnlyChain())
                .withProcessors(JinjavaProcessors.newBuilder()
                        .withNodePreProcessor(new BudgetedInterpreter.DeadlineCheck())
                        .build());
        this.renderConfig = config.build();
        this.validationConfig = config.withValidationMode(true).build();
        this.root = new ReadOnlyRootContext(DISABLED, FUNCTIONS);
        this.jinjava = new SandboxedJinjava(renderConfig, root, expressionParser);
        this.jinjava.setResourceLocator(new NoResources());
        this.budgetNanos = TimeUnit.MILLISECONDS.toNanos(limits.maxRenderMillis());
    }

    /**
     * Parses a template for {@link RenderSession#render(CompiledTemplate)}. Jinjava's parser only
     * checks tags; expressions are parsed when first evaluated, and some tag errors (a bare
     * {@code {% for %}}) only show when rendered. So the tree is also rendered once in Jinjava's
     * validation mode, with no variables defined: every branch and loop body is visited once, which
     * reports those errors and unknown filter and test names ({@link StrictNamesContext}), and puts
     * every expression into the expression cache.
     */
    CompiledTemplate compile(String template) throws TemplateProblem {
        if (template.contains(ExtendedParser.INTERPRETER)) {
            throw new TemplateProblem(TemplateProblem.Kind.INVALID,
                    "uses the reserved name " + ExtendedParser.INTERPRETER, -1, null);
        }
        BudgetedInterpreter interpreter = new BudgetedInterpreter(jinjava, new StrictNamesContext(root), validationConfig);
        try (AutoCloseableImpl<JinjavaInterpreter> current = JinjavaInterpreter.closeablePushCurrent(interpreter).get()) {
            interpreter.startBudget(budgetNanos);
            Node tree = interpreter.parse(template);
            failOnErrors(interpreter, 0, JinjavaSandbox::failsCompile);
            interpreter.render(tree);
            failOnErrors(interpreter, 0, JinjavaSandbox::failsCompile);
            return CompiledTemplate.of(tree);
        } catch (RuntimeException e) {
            throw interpreter.budgetExceeded() ? TemplateProblem.tooSlow() : TemplateProblem.of(e);
        }
    }

    /** A session renders any number of templates for one set of variables, on the calling thread. */
    RenderSession openSession(Map<String, ?> variables) {
        return new RenderSession(() -> newRenderInterpreter(variables), budgetNanos);
    }

    private BudgetedInterpreter newRenderInterpreter(Map<String, ?> variables) {
        Context context = new Context(root, variables, null);
        context.setErrorHandlingStrategy(FATAL_ERRORS_ONLY);
        return new BudgetedInterpreter(jinjava, context, renderConfig);
    }

    /**
     * Throws the first error recorded since {@code from} that {@code counts}; a budget that ran out
     * comes first, since the errors it caused on the way out are only its symptoms.
     */
    static void failOnErrors(BudgetedInterpreter interpreter, int from, Predicate<TemplateError> counts)
            throws TemplateProblem {
        if (interpreter.budgetExceeded()) {
            throw TemplateProblem.tooSlow();
        }
        List<TemplateError> errors = interpreter.getErrors();
        for (int i = from; i < errors.size(); i++) {
            if (counts.test(errors.get(i))) {
                throw TemplateProblem.of(errors.get(i));
            }
        }
    }

    /** At render time any fatal error fails the value. */
    static boolean failsRender(TemplateError error) {
        return error.getSeverity() == ErrorType.FATAL;
    }

    /**
     * At compile time only errors in the template itself count: syntax (Jinjava reports an unclosed
     * "{{" as a mere warning), forbidden tags, filters and calls, unknown names, size. A filter that
     * refuses the empty input of the check run ({@code b64decode} of an undefined name) says nothing
     * about the alerts to come.
     */
    static boolean failsCompile(TemplateError error) {
        return switch (error.getReason()) {
            case SYNTAX_ERROR, DISABLED, OUTPUT_TOO_BIG, COLLECTION_TOO_BIG -> true;
            default -> StrictNamesContext.unknownNameIn(error.getException()) != null;
        };
    }

    /**
     * Swaps in an expression factory with a larger parse cache ({@link #EXPRESSION_CACHE_SIZE}), and
     * hands out the shared root as the global context: each new interpreter reads its function list
     * from there, and the root keeps that list ready ({@link ReadOnlyRootContext}).
     */
    private static final class SandboxedJinjava extends Jinjava {
        private final ExpressionFactory expressionFactory;
        private final Context root;

        SandboxedJinjava(JinjavaConfig config, Context root, Class<? extends TreeBuilder> expressionParser) {
            super(config);
            this.root = root;
            // The same properties Jinjava's constructor uses, plus the cache size.
            Properties properties = new Properties();
            properties.setProperty(TreeBuilder.class.getName(), expressionParser.getName());
            properties.setProperty(ExpressionFactoryImpl.PROP_CACHE_SIZE, String.valueOf(EXPRESSION_CACHE_SIZE));
            this.expressionFactory = new ExpressionFactoryImpl(properties, new TruthyTypeConverter());
        }

        @Override
        public ExpressionFactory getExpressionFactory() {
            return expressionFactory;
        }

        @Override
        public Context getGlobalContext() {
            return root;
        }
    }

    /** Templates name no files; the disabled tags are the first guard, this is the second. */
    private static final class NoResources implements ResourceLocator {
        @Override
        public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter)
                throws IOException {
            throw new IOException("templates cannot read resources: " + fullName);
        }
    }
}
