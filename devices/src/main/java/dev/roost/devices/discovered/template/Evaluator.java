package dev.roost.devices.discovered.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.roost.devices.discovered.template.PyValues.UNDEFINED;
import static dev.roost.devices.discovered.template.PyValues.isInteger;
import static dev.roost.devices.discovered.template.PyValues.isNumber;
import static dev.roost.devices.discovered.template.PyValues.truthy;

/**
 * Evaluates a parsed template over plain values (maps, lists, text, numbers, booleans, null). It reaches nothing
 * but those values: no method of any object is called, so a template from the network cannot touch the JVM.
 * One per render.
 */
final class Evaluator {

    static final int MAX_OUTPUT = 16_384;

    private final Map<String, Object> scope;
    private final StringBuilder out = new StringBuilder();

    Evaluator(Map<String, Object> variables) {
        this.scope = new LinkedHashMap<>(variables);
    }

    String render(List<Node> nodes) throws TemplateException {
        run(nodes);
        return out.toString();
    }

    private void run(List<Node> nodes) throws TemplateException {
        for (Node node : nodes) {
            if (node instanceof Node.Text text) {
                write(text.text());
            } else if (node instanceof Node.Output output) {
                write(PyValues.str(value(output.expression())));
            } else if (node instanceof Node.Set set) {
                scope.put(set.name(), value(set.value()));
            } else if (node instanceof Node.If branch) {
                runIf(branch);
            }
        }
    }

    private void runIf(Node.If branch) throws TemplateException {
        for (int i = 0; i < branch.conditions().size(); i++) {
            if (truthy(value(branch.conditions().get(i)))) {
                run(branch.bodies().get(i));
                return;
            }
        }
        run(branch.otherwise());
    }

    private void write(String text) throws TemplateException {
        if (out.length() + text.length() > MAX_OUTPUT) {
            throw new TemplateException("the output is longer than " + MAX_OUTPUT + " characters");
        }
        out.append(text);
    }

    Object value(Node node) throws TemplateException {
        if (node instanceof Node.Literal literal) {
            return literal.value();
        }
        if (node instanceof Node.Name name) {
            return scope.containsKey(name.name()) ? normal(scope.get(name.name())) : UNDEFINED;
        }
        if (node instanceof Node.Item item) {
            return item(value(item.target()), value(item.index()));
        }
        if (node instanceof Node.ListOf list) {
            List<Object> items = new ArrayList<>();
            for (Node each : list.items()) {
                items.add(value(each));
            }
            return items;
        }
        if (node instanceof Node.DictOf dict) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < dict.keys().size(); i++) {
                map.put(value(dict.keys().get(i)), value(dict.values().get(i)));
            }
            return map;
        }
        if (node instanceof Node.Unary unary) {
            Object operand = value(unary.operand());
            if (unary.operator().equals("not")) {
                return !truthy(operand);
            }
            return Arithmetic.apply("-", 0L, operand);
        }
        if (node instanceof Node.Binary binary) {
            return binary(binary);
        }
        if (node instanceof Node.Conditional conditional) {
            if (truthy(value(conditional.condition()))) {
                return value(conditional.then());
            }
            return conditional.otherwise() == null ? UNDEFINED : value(conditional.otherwise());
        }
        if (node instanceof Node.Filter filter) {
            return Filters.apply(filter.name(), value(filter.value()), values(filter.arguments()));
        }
        if (node instanceof Node.Test test) {
            return Filters.test(test.name(), value(test.value()), values(test.arguments())) != test.negated();
        }
        Node.Call call = (Node.Call) node;
        return Filters.call(call.name(), values(call.arguments()));
    }

    private List<Object> values(List<Node> nodes) throws TemplateException {
        List<Object> values = new ArrayList<>();
        for (Node node : nodes) {
            values.add(value(node));
        }
        return values;
    }

    private Object binary(Node.Binary binary) throws TemplateException {
        String operator = binary.operator();
        Object left = value(binary.left());
        if (operator.equals("and")) {
            return truthy(left) ? value(binary.right()) : left;
        }
        if (operator.equals("or")) {
            return truthy(left) ? left : value(binary.right());
        }
        Object right = value(binary.right());
        return switch (operator) {
            case "==" -> PyValues.equal(left, right);
            case "!=" -> !PyValues.equal(left, right);
            case "<", ">", "<=", ">=" -> Arithmetic.compare(operator, left, right);
            case "in" -> contains(right, left);
            case "~" -> PyValues.str(left) + PyValues.str(right);
            default -> Arithmetic.apply(operator, left, right);
        };
    }

    private static boolean contains(Object container, Object item) throws TemplateException {
        if (container instanceof String text && item instanceof String part) {
            return text.contains(part);
        }
        if (container instanceof List<?> list) {
            return list.stream().anyMatch(each -> PyValues.equal(each, item));
        }
        if (container instanceof Map<?, ?> map) {
            return map.keySet().stream().anyMatch(key -> PyValues.equal(key, item));
        }
        throw new TemplateException("'in' needs text, a list or a dict, not " + PyValues.kind(container));
    }

    /** {@code target[index]} or {@code target.index}; anything missing is undefined, as Jinja's lenient default. */
    private static Object item(Object target, Object index) {
        if (target instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (PyValues.equal(entry.getKey(), index)) {
                    return normal(entry.getValue());
                }
            }
            return UNDEFINED;
        }
        if ((target instanceof List<?> || target instanceof String) && isInteger(index)) {
            int size = target instanceof List<?> list ? list.size() : ((String) target).length();
            long at = ((Number) index).longValue();
            if (at < 0) {
                at += size;
            }
            if (at < 0 || at >= size) {
                return UNDEFINED;
            }
            return target instanceof List<?> list ? normal(list.get((int) at))
                    : String.valueOf(((String) target).charAt((int) at));
        }
        return UNDEFINED;
    }

    /** Only plain values enter a template; numbers in the template's two kinds. */
    static Object normal(Object value) {
        if (value == null || value == UNDEFINED || value instanceof String || value instanceof Boolean
                || value instanceof Map || value instanceof List) {
            return value;
        }
        if (isNumber(value)) {
            return PyValues.number((Number) value);
        }
        return value.toString();
    }
}
