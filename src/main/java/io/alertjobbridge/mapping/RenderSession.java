package io.alertjobbridge.mapping;

import com.hubspot.jinjava.interpret.AutoCloseableSupplier.AutoCloseableImpl;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.function.Supplier;

/**
 * Renders compiled templates for one alert on the calling thread. One interpreter serves all values of
 * the alert, created on the first template that is not plain text (building one costs more than
 * rendering a simple template). A template with tags renders in a scope of its own, so a
 * {@code {% set %}} in one value is not seen by the next.
 *
 * <p>Jinjava finds the current interpreter through a thread-local stack; the interpreter is on it from
 * creation to {@link #close()}, so use the session in try-with-resources on one thread.
 */
final class RenderSession implements AutoCloseable {

    private final Supplier<BudgetedInterpreter> interpreters;
    private final long budgetNanos;
    private BudgetedInterpreter interpreter;
    private AutoCloseableImpl<JinjavaInterpreter> current;

    RenderSession(Supplier<BudgetedInterpreter> interpreters, long budgetNanos) {
        this.interpreters = interpreters;
        this.budgetNanos = budgetNanos;
    }

    String render(CompiledTemplate template) throws TemplateProblem {
        if (template.isConstant()) {
            return template.constant();
        }
        if (interpreter == null) {
            interpreter = interpreters.get();
            current = JinjavaInterpreter.closeablePushCurrent(interpreter).get();
        }
        int errorsBefore = interpreter.getErrors().size();
        interpreter.startBudget(budgetNanos);
        String output;
        if (template.hasTags()) {
            interpreter.enterNonStackingScope();
        }
        try {
            output = interpreter.render(template.tree());
        } catch (RuntimeException e) {
            throw interpreter.budgetExceeded() ? TemplateProblem.tooSlow() : TemplateProblem.of(e);
        } finally {
            if (template.hasTags()) {
                interpreter.leaveScope();
            }
        }
        JinjavaSandbox.failOnErrors(interpreter, errorsBefore, JinjavaSandbox::failsRender);
        return output;
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
        }
    }
}
