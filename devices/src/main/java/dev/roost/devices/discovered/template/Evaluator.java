package dev.roost.devices.discovered.template;

import dev.roost.devices.discovered.template.Expr.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates expressions against one render's variables. It reads maps and lists and nothing else: attributes
 * are dict keys, and the only calls are the filters, tests, functions and methods implemented here by hand.
 * Confined to the thread of one render.
 */
final class Evaluator {

    private final Map<String, Object> variables;
    private final Map<String, Object> locals = new LinkedHashMap<>();

    Evaluator(Map<String, Object> variables) {
        this.variables = variables;
    }

    void assign(String name, Object value) {
        locals.put(name, value);
    }

    Object eval(Expr e) throws TemplateException {
        if (e instanceof Expr.Literal l) {
            return l.value();
        }
        if (e instanceof Expr.Variable v) {
            return lookup(v.name());
        }
        if (e instanceof Expr.Postfix p) {
            Object value = eval(p.base());
            for (Step step : p.steps()) {
                value = apply(value, step);
            }
            return value;
        }
        if (e instanceof Expr.Operation o) {
            Object value = eval(o.first());
            for (int i = 0; i < o.operators().size(); i++) {
                value = Operators.arithmetic(o.operators().get(i), value, eval(o.operands().get(i)));
            }
            return value;
        }
        if (e instanceof Expr.Comparison c) {
            Object left = eval(c.first());
            for (int i = 0; i < c.operators().size(); i++) {
                Object right = eval(c.operands().get(i));
                if (!Operators.compare(c.operators().get(i), left, right)) {
                    return false;
                }
                left = right;
            }
            return true;
        }
        if (e instanceof Expr.Logical l) {
            Object value = null;
            for (Expr operand : l.operands()) {
                value = eval(operand);
                if (Py.truthy(value) != l.and()) {
                    return value;
                }
            }
            return value;
        }
        if (e instanceof Expr.Not n) {
            return !Py.truthy(eval(n.operand()));
        }
        if (e instanceof Expr.Unary u) {
            Object value = eval(u.operand());
            if (!PyNumbers.isNumber(value)) {
                throw new TemplateException("bad operand type for unary " + (u.negative() ? "-" : "+") + ": '"
                        + Py.typeName(value) + "'" + Operators.undefinedHint(value));
            }
            return u.negative() ? PyNumbers.negate(value) : PyNumbers.isInt(value) ? PyNumbers.normalizeInt(value) : value;
        }
        if (e instanceof Expr.Conditional c) {
            if (Py.truthy(eval(c.test()))) {
                return eval(c.then());
            }
            return c.otherwise() == null ? new Undefined("the inline if had no else") : eval(c.otherwise());
        }
        if (e instanceof Expr.Call c) {
            return Functions.call(c.function(), evalArguments(c.arguments()));
        }
        return evalCollection(e);
    }

    private Object evalCollection(Expr e) throws TemplateException {
        if (e instanceof Expr.ListOf l) {
            return evalAll(l.items());
        }
        if (e instanceof Expr.TupleOf t) {
            return new PyTuple(evalAll(t.items()));
        }
        Expr.DictOf d = (Expr.DictOf) e;
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < d.keys().size(); i++) {
            Object key = eval(d.keys().get(i));
            if (!Py.hashable(key)) {
                throw new TemplateException("unhashable type: '" + Py.typeName(key) + "'");
            }
            Object value = eval(d.values().get(i));
            // Python keeps the first spelling of a key it has already seen: {1: 'a', True: 'b'} is {1: 'b'}.
            Object existing = existingKey(map, key);
            map.put(existing == Py.MISSING ? key : existing, value);
        }
        return map;
    }

    private static Object existingKey(Map<Object, Object> map, Object key) throws TemplateException {
        for (Object k : map.keySet()) {
            if (Py.equal(k, key)) {
                return k;
            }
        }
        return Py.MISSING;
    }

    private List<Object> evalAll(List<Expr> items) throws TemplateException {
        List<Object> values = new ArrayList<>(items.size());
        for (Expr item : items) {
            values.add(eval(item));
        }
        return values;
    }

    /** Arguments in parameter order, {@link Signature#ABSENT} where the template left one out. */
    private Object[] evalArguments(List<Expr> arguments) throws TemplateException {
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = arguments.get(i) == null ? Signature.ABSENT : eval(arguments.get(i));
        }
        return values;
    }

    private Object lookup(String name) {
        if (locals.containsKey(name)) {
            return locals.get(name);
        }
        if (variables.containsKey(name)) {
            return variables.get(name);
        }
        return new Undefined("'" + name + "' is undefined");
    }

    private Object apply(Object value, Step step) throws TemplateException {
        if (step instanceof Step.Attribute a) {
            return Subscripts.attribute(value, a.name());
        }
        if (step instanceof Step.Index i) {
            return Subscripts.item(value, eval(i.key()));
        }
        if (step instanceof Step.Slice s) {
            return Subscripts.slice(value, evalOrNull(s.start()), evalOrNull(s.stop()), evalOrNull(s.step()));
        }
        if (step instanceof Step.Method m) {
            return Methods.call(value, m.name(), evalArguments(m.arguments()));
        }
        if (step instanceof Step.Filter f) {
            return Filters.apply(f.name(), value, evalArguments(f.arguments()));
        }
        Step.Test t = (Step.Test) step;
        return Tests.test(t.name(), value, evalArguments(t.arguments())) != t.negated();
    }

    private Object evalOrNull(Expr e) throws TemplateException {
        return e == null ? null : eval(e);
    }
}
