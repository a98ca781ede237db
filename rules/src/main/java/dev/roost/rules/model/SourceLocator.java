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
    static Optional<JsonLocation> locateKey(ObjectMapper mapper, String text,
                                            List<JsonMappingException.Reference> path) {
        return locate(mapper, text, segments(path));
    }

    /**
     * The position of the key a validation error names ({@code when[1].cron}), or empty if the text has no
     * such key. A list written as its single item ({@code when: {topic: ...}}) is found without its index.
     */
    static Optional<JsonLocation> locateField(ObjectMapper mapper, String text, String field) {
        List<Object> wanted = segments(field);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonLocation> found = locate(mapper, text, wanted);
        for (int i = 1; found.isEmpty() && i < wanted.size(); i++) {
            if (Integer.valueOf(0).equals(wanted.get(i)) && wanted.get(i - 1) instanceof String) {
                List<Object> single = new ArrayList<>(wanted);
                single.remove(i);
                found = locate(mapper, text, single);
            }
        }
        return found;
    }

    private static Optional<JsonLocation> locate(ObjectMapper mapper, String text, List<Object> wanted) {
        try (JsonParser parser = mapper.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && matches(segments(parser.getParsingContext()), wanted)) {
                    return Optional.of(parser.currentTokenLocation());
                }
            }
        } catch (IOException unreadable) {
            // The document was read once already; without a second reading the error keeps no position.
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Splits {@code then[0].qos} into {@code then}, {@code 0}, {@code qos}. */
    private static List<Object> segments(String field) {
        List<Object> segments = new ArrayList<>();
        for (String part : field.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            if (!name.isEmpty()) {
                segments.add(name);
            }
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                if (close < 0) {
                    return List.of();
                }
                segments.add(Integer.valueOf(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return segments;
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
