package io.alertjobbridge.mapping;

import java.util.List;

/**
 * The template_detail of one action config, parsed once by {@link VariableMapper#compile} and then
 * shared by every alert the action handles. Immutable and safe to render from many threads: the parsed
 * templates are never changed, and each render works in its own interpreter.
 */
public final class CompiledTemplateDetail {

    /** One template_detail entry: its key and its parsed template. */
    record Variable(VariableKey key, CompiledTemplate template) {
    }

    private final List<Variable> variables;

    CompiledTemplateDetail(List<Variable> variables) {
        this.variables = List.copyOf(variables);
    }

    /** In template_detail order, which is the order of the Job variable list. */
    List<Variable> variables() {
        return variables;
    }

    /** Number of template_detail entries. */
    public int size() {
        return variables.size();
    }

    /** Keys only: templates of cipher variables may be the secret itself. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("CompiledTemplateDetail[");
        for (int i = 0; i < variables.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(variables.get(i).key().text());
        }
        return text.append(']').toString();
    }
}
