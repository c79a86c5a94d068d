package io.alertjobbridge.mapping;

import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.TextNode;
import com.hubspot.jinjava.tree.parse.TextToken;

/**
 * One parsed template. Plain text (many Job variables are literals) is kept as its output and never
 * goes through Jinjava again. Otherwise the node tree is kept, with whether it contains tags: only a
 * tag ({@code set}, {@code macro}, {@code for}) can define variables, so only then does the template
 * need a scope of its own to keep those from the next value.
 *
 * @param tree     the node tree, or null for plain text
 * @param constant the output of plain text, or null
 * @param hasTags  whether the tree contains any tag
 */
record CompiledTemplate(Node tree, String constant, boolean hasTags) {

    static CompiledTemplate of(Node tree) {
        StringBuilder text = new StringBuilder();
        boolean plainText = true;
        boolean hasTags = false;
        for (Node node : tree.getChildren()) {
            if (node instanceof TextNode) {
                text.append(((TextToken) node.getMaster()).output());
            } else {
                plainText = false;
                hasTags |= node instanceof TagNode;
            }
        }
        return plainText ? new CompiledTemplate(null, text.toString(), false) : new CompiledTemplate(tree, null, hasTags);
    }

    boolean isConstant() {
        return tree == null;
    }
}
