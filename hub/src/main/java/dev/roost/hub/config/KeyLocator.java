package dev.roost.hub.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Finds the line of a key in the config file by reading it again as tokens. Jackson reports an unknown or
 * invalid key of a constructor-built record at the end of its section, which would point the user at the
 * wrong line.
 */
final class KeyLocator {

    private KeyLocator() {
    }

    /** Where the key at the dotted path starts, or null when it is not found. */
    static JsonLocation locate(ObjectMapper mapper, File file, List<String> path) {
        try (JsonParser parser = mapper.createParser(file)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && path.equals(pathOf(parser.getParsingContext()))) {
                    return parser.currentTokenLocation();
                }
            }
        } catch (IOException unreadable) {
            return null; // it was readable a moment ago; keep Jackson's own position then
        }
        return null;
    }

    private static List<String> pathOf(JsonStreamContext context) {
        Deque<String> names = new ArrayDeque<>();
        for (JsonStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
            names.addFirst(level.inArray() ? "[" + level.getCurrentIndex() + "]" : level.getCurrentName());
        }
        return List.copyOf(names);
    }
}
