package dev.roost.devices.discovered.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The parameters a filter, test, function or method takes, so calls are checked and their arguments put in
 * order once, when the template is compiled. {@code required} parameters come first; a variadic signature
 * takes any number of positional arguments and no names.
 */
record Signature(List<String> parameters, int required, boolean variadic) {

    /** Stands for an argument the template left out: None is a value, so null cannot. */
    static final Object ABSENT = new Object();

    static Signature of(int required, String... parameters) {
        return new Signature(List.of(parameters), required, false);
    }

    static Signature variadic(int required) {
        return new Signature(List.of(), required, true);
    }

    /** Arguments in parameter order (null for one left out), or why the call does not fit, for {@code what}. */
    List<Expr> bind(String what, List<Expr> positional, Map<String, Expr> named, Token at) throws TemplateException {
        if (variadic) {
            if (!named.isEmpty()) {
                throw new TemplateException(at.position() + ": " + what + " takes no named arguments");
            }
            if (positional.size() < required) {
                throw new TemplateException(at.position() + ": " + what + " needs at least " + required + " argument"
                        + (required == 1 ? "" : "s"));
            }
            return List.copyOf(positional);
        }
        if (positional.size() > parameters.size()) {
            throw new TemplateException(at.position() + ": " + what + " takes at most " + parameters.size()
                    + " argument" + (parameters.size() == 1 ? "" : "s") + ", not " + positional.size());
        }
        List<Expr> bound = new ArrayList<>(Arrays.asList(new Expr[parameters.size()]));
        for (int i = 0; i < positional.size(); i++) {
            bound.set(i, positional.get(i));
        }
        for (Map.Entry<String, Expr> argument : named.entrySet()) {
            int index = parameters.indexOf(argument.getKey());
            if (index < 0) {
                throw new TemplateException(at.position() + ": " + what + " has no argument '" + argument.getKey() + "'");
            }
            if (bound.get(index) != null) {
                throw new TemplateException(at.position() + ": " + what + " got argument '" + argument.getKey()
                        + "' twice");
            }
            bound.set(index, argument.getValue());
        }
        for (int i = 0; i < required; i++) {
            if (bound.get(i) == null) {
                throw new TemplateException(at.position() + ": " + what + " needs its argument '" + parameters.get(i) + "'");
            }
        }
        return java.util.Collections.unmodifiableList(bound);
    }
}
