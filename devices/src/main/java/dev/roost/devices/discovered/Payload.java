package dev.roost.devices.discovered;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roost.devices.discovered.template.Template;
import dev.roost.devices.discovered.template.TemplateException;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One received message's payload as templates see it: {@code value} (the text) and {@code value_json} (parsed,
 * when it is JSON). Parsed at most once, however many entities of a device read the same state topic. Used on one
 * thread.
 */
public final class Payload {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String text;
    private Map<String, Object> variables;

    public Payload(byte[] bytes) {
        this.text = new String(bytes, StandardCharsets.UTF_8);
    }

    public Payload(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The payload through {@code template}, or the payload itself when there is none. */
    public String render(Template template) throws TemplateException {
        return template == null ? text : template.render(variables());
    }

    /** The parsed JSON, or null when the payload is not JSON. */
    public Object json() {
        return variables().get("value_json");
    }

    private Map<String, Object> variables() {
        if (variables == null) {
            variables = new HashMap<>();
            variables.put("value", text);
            String trimmed = text.strip();
            if (!trimmed.isEmpty()) {
                try {
                    variables.put("value_json", JSON.readValue(trimmed, Object.class));
                } catch (java.io.IOException notJson) {
                    // value_json stays undefined, as in Home Assistant
                }
            }
        }
        return variables;
    }
}
