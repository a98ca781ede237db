package dev.roost.devices.discovered.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashMap;
import java.util.Map;

/** Renders a template against an MQTT payload the way Home Assistant sets its variables up. */
final class Renders {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Renders() {
    }

    /** {@code value} is the payload as text; {@code value_json} the payload parsed, absent when it is not JSON. */
    static String render(String template, String payload) throws TemplateException {
        Map<String, Object> variables = new HashMap<>();
        variables.put("value", payload);
        try {
            variables.put("value_json", JSON.convertValue(JSON.readTree(payload), Object.class));
        } catch (JsonProcessingException notJson) {
            // Home Assistant leaves value_json undefined then.
        }
        return Template.compile(template).render(variables);
    }

    /** A template that needs no payload. */
    static String render(String template) throws TemplateException {
        return Template.compile(template).render(Map.of());
    }
}
