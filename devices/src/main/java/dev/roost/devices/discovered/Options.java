package dev.roost.devices.discovered;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roost.devices.discovered.template.Template;
import dev.roost.devices.discovered.template.TemplateException;

import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of one entity's config, with Home Assistant's defaults, remembering what could not be used: a
 * template outside the supported subset or a value of the wrong kind becomes a readable problem of the entity
 * instead of a failure. Used while an entity is built, on one thread.
 */
public final class Options {

    private final ObjectNode config;
    private final List<String> problems = new ArrayList<>();

    public Options(ObjectNode config) {
        this.config = config;
    }

    public boolean has(String key) {
        JsonNode value = config.get(key);
        return value != null && !value.isNull();
    }

    /**
     * A text option; numbers and booleans are read as Home Assistant's string validator does ({@code false} is
     * {@code False}), so that a payload configured as JSON {@code false} compares with a rendered template.
     */
    public String text(String key, String fallback) {
        JsonNode value = config.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "True" : "False";
        }
        if (value.isNumber()) {
            return value.asText();
        }
        problems.add(key + ": must be text");
        return fallback;
    }

    /** A topic option, null when absent or empty. */
    public String topic(String key) {
        String topic = text(key, null);
        return topic == null || topic.isEmpty() ? null : topic;
    }

    public double number(String key, double fallback) {
        JsonNode value = config.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            try {
                return Double.parseDouble(value.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(key + ": must be a number");
        return fallback;
    }

    public boolean flag(String key, boolean fallback) {
        JsonNode value = config.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        problems.add(key + ": must be true or false");
        return fallback;
    }

    /** A list of texts; a single text counts as a list of one. */
    public List<String> texts(String key, List<String> fallback) {
        JsonNode value = config.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        if (!value.isArray()) {
            problems.add(key + ": must be a list");
            return fallback;
        }
        List<String> texts = new ArrayList<>();
        value.forEach(item -> texts.add(item.isTextual() ? item.asText() : item.toString()));
        return List.copyOf(texts);
    }

    /** A compiled template, or null when absent or not supported (then a problem names it). */
    public Template template(String key) {
        String source = text(key, null);
        if (source == null || source.isEmpty()) {
            return null;
        }
        try {
            return Template.compile(source);
        } catch (TemplateException e) {
            problems.add(key + ": " + e.getMessage());
            return null;
        }
    }

    public JsonNode raw(String key) {
        return config.get(key);
    }

    public int qos() {
        int qos = (int) number("qos", 0);
        return qos >= 0 && qos <= 2 ? qos : 0;
    }

    /** What could not be used, in the order it was read. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public void problem(String problem) {
        problems.add(problem);
    }
}
