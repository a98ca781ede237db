package dev.roost.rules.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds where a key sits in a rule document by reading it again as a token stream.
 *
 * <p>Needed because Jackson buffers unknown keys of records (which it builds through their constructor)
 * and reports them at the end of the enclosing object, which points a user at the wrong line.
 */
final class SourceLocator {

    private SourceLocator() {
    }

    /** The position of the key at {@code path}, or empty if the text has no such key. */
    static Optional<JsonLocation> locateKey(ObjectMapper mapper, String text, List<JsonMappingException.Reference> path) {
        List<Object> wanted = segments(path);
        try (JsonParser parser = mapper.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && matches(segments(parser.getParsingContext()), wanted)) {
                    return Optional.of(parser.currentTokenLocation());
                }
            }
        } catch (IOException unreadable) {
            // The document was read once already; if it cannot be read again, keep Jackson's own position.
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static List<Object> segments(List<JsonMappingException.Reference> path) {
        List<Object> segments = new ArrayList<>();
        for (JsonMappingException.Reference ref : path) {
            segments.add(ref.getFieldName() != null ? ref.getFieldName() : Integer.valueOf(ref.getIndex()));
        }
        return segments;
    }

    private static List<Object> segments(JsonStreamContext context) {
        List<Object> segments = new ArrayList<>();
        for (JsonStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
            segments.add(0, level.inArray() ? Integer.valueOf(level.getCurrentIndex()) : level.getCurrentName());
        }
        return segments;
    }

    /**
     * Compares a token's path with Jackson's, where Jackson leaves out the one-key wrapper object that names
     * the kind of a list item ({@code then[0].publish.qos} is {@code then[0].qos} to Jackson).
     */
    private static boolean matches(List<Object> actual, List<Object> wanted) {
        int a = 0;
        int w = 0;
        while (a < actual.size()) {
            if (w < wanted.size() && actual.get(a).equals(wanted.get(w))) {
                a++;
                w++;
            } else if (a > 0 && actual.get(a - 1) instanceof Integer && actual.get(a) instanceof String) {
                a++;
            } else {
                return false;
            }
        }
        return w == wanted.size();
    }
}
