package dev.roost.devices.discovered.template;

import java.util.List;
import java.util.Map;

/**
 * A Jinja template of the kind Home Assistant discovery configs carry ({@code value_template},
 * {@code command_template} ...), in the subset that Zigbee2MQTT, Tasmota, ESPHome and Shelly publish: outputs,
 * {@code if}/{@code elif}/{@code else}, {@code set}, attributes and subscripts, arithmetic and comparisons, and the
 * filters {@code int float round abs lower upper trim string replace default length tojson from_json bool}, with
 * Python's rendering ({@code True}, {@code None}, {@code 21.0}). Templates come from any device on the network:
 * they read only the values they are given, never call a method, cannot loop, and are bounded in source length,
 * nesting and output. Immutable and thread-safe.
 */
public final class Template {

    public static final int MAX_SOURCE = 4_096;

    private final String source;
    private final List<Node> nodes;

    private Template(String source, List<Node> nodes) {
        this.source = source;
        this.nodes = nodes;
    }

    /** Parses once; a construct outside the subset is refused with its name. */
    public static Template compile(String source) throws TemplateException {
        if (source.length() > MAX_SOURCE) {
            throw new TemplateException("longer than " + MAX_SOURCE + " characters");
        }
        return new Template(source, List.copyOf(TemplateParser.parse(source)));
    }

    /**
     * Renders with {@code variables} (maps, lists, text, numbers, booleans, null, as Jackson reads JSON).
     *
     * @throws TemplateException for a failure while rendering, e.g. dividing by zero
     */
    public String render(Map<String, Object> variables) throws TemplateException {
        try {
            return new Evaluator(variables).render(nodes);
        } catch (ClassCastException | ArithmeticException e) {
            throw new TemplateException("a value of the wrong kind: " + e.getMessage());
        }
    }

    public String source() {
        return source;
    }
}
