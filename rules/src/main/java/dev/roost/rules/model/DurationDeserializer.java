package dev.roost.rules.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Duration;

/** Lets Jackson read every {@link Duration} in a rule document in the {@link RuleDurations} notation. */
final class DurationDeserializer extends StdScalarDeserializer<Duration> {

    DurationDeserializer() {
        super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (Duration) context.handleUnexpectedToken(Duration.class, parser);
        }
        String text = parser.getText();
        try {
            return RuleDurations.parse(text);
        } catch (IllegalArgumentException notADuration) {
            throw context.weirdStringException(text, Duration.class, notADuration.getMessage());
        }
    }
}
