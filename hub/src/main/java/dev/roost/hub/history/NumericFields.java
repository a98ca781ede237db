package dev.roost.hub.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers in a state payload worth a chart: a bare number ({@code 21.4}) as the field {@code value}, or the
 * numeric fields at the top of a JSON object ({@code {"temperature":21.4,"humidity":48}}). Text, booleans,
 * nested objects and arrays are left out.
 */
final class NumericFields {

    static final String BARE = "value";
    /** A device with more numbers than this is reporting diagnostics, not state for a chart. */
    static final int MAX_FIELDS = 16;
    static final int MAX_FIELD_LENGTH = 64;
    private static final JsonFactory JSON = new JsonFactory();

    private NumericFields() {
    }

    /** The fields and their values, in payload order; empty when the payload holds no number. */
    static Map<String, Double> of(byte[] payload) {
        Map<String, Double> fields = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(payload)) {
            JsonToken first = parser.nextToken();
            if (first != null && first.isNumeric()) {
                double number = parser.getDoubleValue();
                if (Double.isFinite(number) && parser.nextToken() == null) {
                    fields.put(BARE, number);
                }
            } else if (first == JsonToken.START_OBJECT) {
                readObject(parser, fields);
            }
        } catch (IOException notJson) {
            // Text such as ON or online: nothing to chart. Fields read before the flaw are kept.
        }
        return fields;
    }

    private static void readObject(JsonParser parser, Map<String, Double> fields) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME && fields.size() < MAX_FIELDS) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value.isNumeric() && !name.isEmpty() && name.length() <= MAX_FIELD_LENGTH) {
                double number = parser.getDoubleValue();
                if (Double.isFinite(number)) {
                    fields.put(name, number);
                }
            } else if (value.isStructStart()) {
                parser.skipChildren();
            }
        }
    }
}
