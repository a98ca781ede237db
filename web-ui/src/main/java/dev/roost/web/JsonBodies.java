package dev.roost.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/** Reads request bodies as JSON objects and their fields, turning every flaw into a 400 that names the field. */
public final class JsonBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBodies() {
    }

    public static ObjectNode object(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest(null, "the body must be a JSON object");
        }
        return (ObjectNode) body;
    }

    /** A required, non-empty string field. */
    public static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(field, "is required");
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(field, "must be a string");
        }
        if (value.asText().isEmpty()) {
            throw ApiException.badRequest(field, "must not be empty");
        }
        return value.asText();
    }
}
