package dev.roost.devices.discovered.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Jinja template from a Home Assistant discovery config ({@code value_template}, {@code command_template},
 * {@code json_attributes_template}, availability templates), compiled once and rendered as Home Assistant
 * renders it: Python's values and {@code str()} ({@code True}, {@code None}, {@code 21.0}), Jinja's lenient
 * undefined, and HA's own {@code int float bool round iif is_defined to_json from_json}.
 *
 * <p>Templates arrive from any device on the network, so this is a sandbox rather than Jinja: it has
 * {@code if}/{@code elif}/{@code else} and {@code set} but no loops, macros or includes; it reads maps and lists
 * and never calls a Java method or looks up a Java attribute; and source, nesting and output are bounded
 * ({@link Limits}). Anything outside that is refused by name when compiling ("unsupported tag 'for'",
 * "filter 'regex_findall' is not supported").
 *
 * <p>Home Assistant strips surrounding whitespace from a rendered value template; {@link #render} returns what
 * Jinja renders, so a caller that wants HA's value strips it.
 *
 * <p>Immutable and thread-safe.
 */
public final class Template {

    private final String source;
    private final List<Stmt> body;

    private Template(String source, List<Stmt> body) {
        this.source = source;
        this.body = body;
    }

    /** Parses once; throws TemplateException (message in plain words, with the line and column). */
    public static Template compile(String source) throws TemplateException {
        Objects.requireNonNull(source, "source");
        if (source.length() > Limits.MAX_SOURCE) {
            throw new TemplateException("the template is " + source.length() + " characters long; at most "
                    + Limits.MAX_SOURCE + " are accepted");
        }
        return new Template(source, Parser.parse(source));
    }

    /**
     * Renders with the given variables: what Jackson's {@code ObjectMapper.convertValue(node, Object.class)}
     * makes (maps, lists, strings, numbers, booleans, null). Throws TemplateException for a runtime failure,
     * e.g. dividing by zero, or {@code int} given a dict with no default.
     */
    public String render(Map<String, Object> variables) throws TemplateException {
        Objects.requireNonNull(variables, "variables");
        BoundedText out = new BoundedText();
        Evaluator evaluator = new Evaluator(variables);
        run(body, evaluator, out);
        return out.toString();
    }

    private static void run(List<Stmt> statements, Evaluator evaluator, BoundedText out) throws TemplateException {
        for (Stmt statement : statements) {
            if (statement instanceof Stmt.Text t) {
                out.append(t.text());
            } else if (statement instanceof Stmt.Output o) {
                out.append(Py.str(evaluator.eval(o.expression())));
            } else if (statement instanceof Stmt.Set s) {
                evaluator.assign(s.name(), evaluator.eval(s.value()));
            } else {
                Stmt.If branch = (Stmt.If) statement;
                List<Stmt> chosen = branch.otherwise();
                for (int i = 0; i < branch.conditions().size(); i++) {
                    if (Py.truthy(evaluator.eval(branch.conditions().get(i)))) {
                        chosen = branch.bodies().get(i);
                        break;
                    }
                }
                run(chosen, evaluator, out);
            }
        }
    }

    public String source() {
        return source;
    }
}
