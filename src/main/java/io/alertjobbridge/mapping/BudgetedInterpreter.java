package io.alertjobbridge.mapping;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.Node;
import java.util.function.BiConsumer;

/**
 * A Jinjava interpreter with a wall-clock budget. Range limits bound each loop, but three nested
 * {@code range(1000)} loops that print nothing still run a billion times without touching the output
 * limit; the budget stops them.
 *
 * <p>The check runs in {@link DeadlineCheck}, which the sandbox installs as Jinjava's node
 * pre-processor, so it runs before every node renders, loop bodies included. Jinjava may catch the
 * exception on the way out (inside a macro call, for one) and carry on, so the interpreter also
 * remembers that the budget ran out and the caller asks {@link #budgetExceeded()}.
 */
final class BudgetedInterpreter extends JinjavaInterpreter {

    private long deadlineNanos;
    private boolean exceeded;

    BudgetedInterpreter(Jinjava jinjava, Context context, JinjavaConfig config) {
        super(jinjava, context, config);
    }

    /** Starts a new budget of {@code nanos} from now; one per rendered value. */
    void startBudget(long nanos) {
        deadlineNanos = System.nanoTime() + nanos;
        exceeded = false;
    }

    boolean budgetExceeded() {
        return exceeded;
    }

    private void checkBudget() {
        if (System.nanoTime() - deadlineNanos > 0) {
            exceeded = true;
            throw new BudgetExceededException();
        }
    }

    /** Jinjava's node pre-processor hook; other interpreters pass through unchecked. */
    static final class DeadlineCheck implements BiConsumer<Node, JinjavaInterpreter> {
        @Override
        public void accept(Node node, JinjavaInterpreter interpreter) {
            if (interpreter instanceof BudgetedInterpreter budgeted) {
                budgeted.checkBudget();
            }
        }
    }

    /** Unwinds the render; carries no stack trace because the interpreter's flag is what gets reported. */
    static final class BudgetExceededException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceededException() {
            super("render time budget exceeded", null, false, false);
        }
    }
}
