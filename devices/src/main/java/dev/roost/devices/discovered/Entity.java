package dev.roost.devices.discovered;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roost.devices.command.CommandReader;
import dev.roost.devices.discovered.template.Template;
import dev.roost.devices.discovered.template.TemplateException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One discovered entity (a Home Assistant component instance): reads its state topics into values named in Roost's
 * vocabulary ({@code state}, {@code brightness}, {@code setpoint}, ...) and turns Roost commands into the payloads
 * its config asks for. Subclasses, one per component, read their own options when built.
 *
 * <p>Threading: state is confined to the thread that delivers the entity's messages; {@link #command} only reads
 * final fields and may run on any thread.
 */
public abstract class Entity {

    private final EntityConfig source;
    private final String name;
    private final String uniqueId;
    private final String deviceClass;
    private final String unit;
    private final DeviceInfo device;
    private final Availability availability;
    private final List<String> problems = new ArrayList<>();
    protected final int qos;
    protected final boolean retain;
    /** The entity's current values in Roost's vocabulary, in the order first reported. */
    private final Map<String, Object> values = new LinkedHashMap<>();
    private String lastError;

    protected Entity(EntityConfig source, Options options) {
        this.source = source;
        this.name = options.text("name", null);
        this.uniqueId = options.text("unique_id", null);
        this.deviceClass = options.text("device_class", null);
        this.unit = options.text("unit_of_measurement", null);
        this.device = DeviceInfo.of(options.raw("device"));
        this.availability = Availability.read(options);
        this.qos = options.qos();
        this.retain = options.flag("retain", false);
    }

    /** Called by subclasses once their options are read, so every problem is collected. */
    protected final void finish(Options options) {
        problems.addAll(options.problems());
    }

    public String discoveryId() {
        return source.discoveryId();
    }

    public String component() {
        return source.component();
    }

    public String objectId() {
        return source.objectId();
    }

    public String nodeId() {
        return source.nodeId();
    }

    public String name() {
        return name;
    }

    public String uniqueId() {
        return uniqueId;
    }

    public String deviceClass() {
        return deviceClass;
    }

    public String unit() {
        return unit;
    }

    public DeviceInfo device() {
        return device;
    }

    /** What of the config could not be used, e.g. a template outside the supported subset. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The last template failure on a state message, or null. */
    public String lastError() {
        return lastError;
    }

    public Map<String, Object> values() {
        return Map.copyOf(values);
    }

    /** The value commands and dashboards mean first: {@code state} for a switch, {@code value} for a sensor. */
    public abstract String mainField();

    /** Lower values are chosen first as the device's main entity; read-only entities are never chosen. */
    public int controlRank() {
        return Integer.MAX_VALUE;
    }

    /** The topics whose messages carry this entity's state. */
    protected abstract List<String> stateTopics();

    /** Reads one message on a state topic into {@link #values}. */
    protected abstract void onState(String topic, Payload payload) throws TemplateException;

    /** Every topic to subscribe to: state and availability. */
    public final List<String> topics() {
        List<String> topics = new ArrayList<>(stateTopics());
        availability.topics().stream().filter(t -> !topics.contains(t)).forEach(topics::add);
        return topics;
    }

    /** Takes a message on one of {@link #topics()}; true when the entity's state or availability changed. */
    public final boolean offer(String topic, Payload payload) {
        boolean changed = availability.offer(topic, payload);
        if (stateTopics().contains(topic)) {
            Map<String, Object> before = new LinkedHashMap<>(values);
            try {
                onState(topic, payload);
                lastError = null;
            } catch (TemplateException e) {
                lastError = e.getMessage();
            }
            changed |= !before.equals(values);
        }
        return changed;
    }

    public final boolean available() {
        return availability.available();
    }

    /**
     * The messages that carry out {@code command} (fields of Roost's vocabulary).
     *
     * @throws CommandReader.Invalid naming the field that does not fit; nothing is to be sent then
     */
    public List<Outgoing> command(JsonNode command) {
        throw new CommandReader.Invalid(null, "a " + component() + " takes no commands");
    }

    /** Whether {@link #command} can do anything. */
    public boolean controllable() {
        return false;
    }

    // ---- helpers for subclasses

    protected final void put(String field, Object value) {
        values.put(field, value);
    }

    protected final Object get(String field) {
        return values.get(field);
    }

    /** A template's output with Home Assistant's "nothing to say" cases removed: empty text means no update. */
    protected static String rendered(Payload payload, Template template) throws TemplateException {
        return payload.render(template).strip();
    }

    /** The text as a number when it is one (an integer stays an integer), else null. */
    protected static Number number(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            if (text.matches("-?\\d{1,18}")) {
                return Long.parseLong(text);
            }
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A sensor's reading: a number when it reads as one, else the text; null for Home Assistant's "None". */
    protected static Object reading(String text) {
        if ("None".equals(text)) {
            return null;
        }
        Number number = number(text);
        return number != null ? number : text;
    }

    /** Renders a command template with {@code value}, or gives the value itself when there is none. */
    protected static String commandPayload(Template template, Object value) {
        if (template == null) {
            return value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)
                    ? pythonFloat(d) : String.valueOf(value);
        }
        try {
            Map<String, Object> variables = new java.util.HashMap<>();
            variables.put("value", value);
            return template.render(variables);
        } catch (TemplateException e) {
            throw new CommandReader.Invalid(null, "the device's command template failed: " + e.getMessage());
        }
    }

    private static String pythonFloat(double d) {
        return (long) d + ".0";
    }

    protected static String upper(String word) {
        return word == null ? null : word.toUpperCase(Locale.ROOT);
    }
}
