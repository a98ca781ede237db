package dev.roost.devices.discovered.template;

import java.util.List;

/**
 * A parsed expression, immutable. Operators of one precedence level form one flat node ({@link Operation},
 * {@link Comparison}, {@link Logical}) and postfix operations one list ({@link Postfix}), so that the depth of
 * the tree, and of evaluation, follows the nesting of brackets, which {@link Limits#MAX_DEPTH} bounds, and not
 * the length of {@code a ~ b ~ c ~ ...}.
 */
sealed interface Expr {

    /** None, a bool, an int, a float or a str. */
    record Literal(Object value) implements Expr {
    }

    record ListOf(List<Expr> items) implements Expr {
    }

    record TupleOf(List<Expr> items) implements Expr {
    }

    record DictOf(List<Expr> keys, List<Expr> values) implements Expr {
    }

    record Variable(String name) implements Expr {
    }

    /** {@code base} followed by attributes, subscripts, method calls, filters and tests, applied left to right. */
    record Postfix(Expr base, List<Step> steps) implements Expr {
    }

    /** Unary {@code -} or {@code +}. */
    record Unary(boolean negative, Expr operand) implements Expr {
    }

    record Not(Expr operand) implements Expr {
    }

    /** {@code first op operands[0] op operands[1] ...}, left to right, all of one level: + -, ~, * / // %, or **. */
    record Operation(Expr first, List<String> operators, List<Expr> operands) implements Expr {
    }

    /** Python's chained comparison: {@code a < b <= c} is {@code a < b and b <= c}, each operand evaluated once. */
    record Comparison(Expr first, List<String> operators, List<Expr> operands) implements Expr {
    }

    /** {@code a and b and c} or {@code a or b or c}: short-circuit, giving the deciding operand as Python does. */
    record Logical(boolean and, List<Expr> operands) implements Expr {
    }

    /** {@code then if test else otherwise}; a null {@code otherwise} gives undefined. */
    record Conditional(Expr test, Expr then, Expr otherwise) implements Expr {
    }

    /** One of the few global functions; arguments in the function's parameter order, null where absent. */
    record Call(String function, List<Expr> arguments) implements Expr {
    }

    /** One postfix operation. Arguments are in parameter order, null where the template left one out. */
    sealed interface Step {

        /** {@code .name}: a dict's key; anything else has no attributes, so undefined. */
        record Attribute(String name) implements Step {
        }

        /** {@code [key]} or {@code .0}. */
        record Index(Expr key) implements Step {
        }

        /** {@code [start:stop:step]}, each part possibly null. */
        record Slice(Expr start, Expr stop, Expr step) implements Step {
        }

        /** {@code .name(arguments)}: one of the few pure str and dict methods. */
        record Method(String name, List<Expr> arguments) implements Step {
        }

        /** {@code | name(arguments)}. */
        record Filter(String name, List<Expr> arguments) implements Step {
        }

        /** {@code is [not] name(arguments)}. */
        record Test(String name, boolean negated, List<Expr> arguments) implements Step {
        }
    }
}
