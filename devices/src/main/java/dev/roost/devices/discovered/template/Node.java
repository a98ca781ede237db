package dev.roost.devices.discovered.template;

import java.util.List;

/** The parsed template: statements and expressions, immutable. */
sealed interface Node {

    /** Literal text between tags. */
    record Text(String text) implements Node {
    }

    /** {@code {{ expression }}}. */
    record Output(Node expression) implements Node {
    }

    /** {@code {% if %}}: each condition with its body, and the else body (possibly empty). */
    record If(List<Node> conditions, List<List<Node>> bodies, List<Node> otherwise) implements Node {
    }

    /** {@code {% set name = expression %}}. */
    record Set(String name, Node value) implements Node {
    }

    record Literal(Object value) implements Node {
    }

    record Name(String name) implements Node {
    }

    record ListOf(List<Node> items) implements Node {
    }

    record DictOf(List<Node> keys, List<Node> values) implements Node {
    }

    /** {@code target.name} and {@code target[index]}. */
    record Item(Node target, Node index) implements Node {
    }

    record Unary(String operator, Node operand) implements Node {
    }

    record Binary(String operator, Node left, Node right) implements Node {
    }

    /** {@code a if condition else b}; {@code otherwise} null when there is no else. */
    record Conditional(Node condition, Node then, Node otherwise) implements Node {
    }

    /** {@code value | name(arguments)}. */
    record Filter(Node value, String name, List<Node> arguments) implements Node {
    }

    /** {@code value is [not] name(arguments)}. */
    record Test(Node value, String name, List<Node> arguments, boolean negated) implements Node {
    }

    /** {@code name(arguments)}: one of the few functions offered. */
    record Call(String name, List<Node> arguments) implements Node {
    }
}
