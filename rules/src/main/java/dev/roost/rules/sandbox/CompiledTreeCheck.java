package dev.roost.rules.sandbox;

import org.mvel2.ast.ASTNode;
import org.mvel2.ast.And;
import org.mvel2.ast.BinaryOperation;
import org.mvel2.ast.BooleanNode;
import org.mvel2.ast.LiteralNode;
import org.mvel2.ast.Negation;
import org.mvel2.ast.OperatorNode;
import org.mvel2.ast.Or;
import org.mvel2.ast.Sign;
import org.mvel2.ast.Substatement;
import org.mvel2.compiler.CompiledExpression;
import org.mvel2.compiler.ExecutableAccessor;
import org.mvel2.compiler.ExecutableLiteral;

import java.io.Serializable;
import java.util.Set;

/**
 * The second line of the sandbox: walks the tree MVEL compiled and accepts only the node kinds our canonical
 * output produces (operators, literals, sub-expressions, and property/method chains that start at a binding or
 * an allowed class). It would catch a gap between our parser and MVEL's, such as a construct MVEL reads
 * differently than we write it. Stateless.
 */
final class CompiledTreeCheck {

    private static final Set<Class<?>> OPERATIONS = Set.of(And.class, Or.class, BinaryOperation.class);
    private static final Set<Class<?>> NESTED = Set.of(Substatement.class, Negation.class, Sign.class);

    private CompiledTreeCheck() {
    }

    /** Refuses the compiled expression, at {@code at}, if any node is not one our canonical MVEL produces. */
    static void check(Serializable compiled, SourcePoint at) throws ExpressionRejected {
        String problem = statementProblem(compiled);
        if (problem != null) {
            throw ExpressionRejected.notAllowed(at, problem);
        }
    }

    private static String statementProblem(Object statement) {
        if (statement instanceof ExecutableLiteral) {
            return null;
        }
        if (statement instanceof ExecutableAccessor accessor) {
            return nodeProblem(accessor.getNode());
        }
        if (statement instanceof CompiledExpression expression) {
            for (ASTNode node = expression.getFirstNode(); node != null; node = node.nextASTNode) {
                String problem = nodeProblem(node);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        return "MVEL statement " + statement.getClass().getSimpleName();
    }

    private static String nodeProblem(ASTNode node) {
        Class<?> kind = node.getClass();
        if (OPERATIONS.contains(kind)) {
            BooleanNode operation = (BooleanNode) node;
            String left = nodeProblem(operation.getLeft());
            return left != null ? left : nodeProblem(operation.getRight());
        }
        if (NESTED.contains(kind)) {
            return statementProblem(nestedStatement(node));
        }
        if (kind == LiteralNode.class || kind == OperatorNode.class) {
            return null;
        }
        if (kind == ASTNode.class) {
            return node.isLiteral() ? null : chainProblem(node.getName());
        }
        return "MVEL node " + kind.getSimpleName();
    }

    private static Object nestedStatement(ASTNode node) {
        if (node instanceof Substatement substatement) {
            return substatement.getStatement();
        }
        if (node instanceof Negation negation) {
            return negation.getStatement();
        }
        return ((Sign) node).getStatement();
    }

    /** A property or method chain must start at a binding or an allowed class, as our parser writes it. */
    private static String chainProblem(String chain) {
        int end = 0;
        while (end < chain.length() && Character.isJavaIdentifierPart(chain.charAt(end))) {
            end++;
        }
        String root = chain.substring(0, end);
        boolean allowed = SandboxPolicy.BINDINGS.containsKey(root) || SandboxPolicy.isClassName(root)
                || root.equals(FieldReader.BINDING);
        return allowed ? null : "MVEL reference " + chain;
    }
}
