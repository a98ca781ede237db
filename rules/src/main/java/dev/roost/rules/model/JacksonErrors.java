package dev.roost.rules.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a Jackson exception into a {@link RuleError} a user can act on: the field path as written in the
 * document, a reason without Java class names, and the line and column Jackson stopped at.
 */
final class JacksonErrors {

    private static final Pattern SNIPPET = Pattern.compile("\\s*in '[^']*', line \\d+, column \\d+:\\R.*\\R\\s*\\^");

    private JacksonErrors() {
    }

    static RuleError toRuleError(JsonProcessingException e, ObjectMapper mapper, String text) {
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping) : "";
        JsonLocation location = e.getLocation();
        if (e instanceof UnrecognizedPropertyException unknown) {
            location = SourceLocator.locateKey(mapper, text, unknown.getPath()).orElse(location);
        }
        return new RuleError(field, reason(e), position(location));
    }

    /** Renders Jackson's path as the user would point at it: {@code then[0].qos}. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String reason(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException)) {
            return syntaxReason(e);
        }
        if (e.getCause() instanceof StreamReadException syntax) {
            return syntaxReason(syntax);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (e instanceof InvalidTypeIdException unknownKind) {
            return unknownKindReason(unknownKind);
        }
        if (e instanceof InvalidNullException) {
            return "must not be empty";
        }
        if (e instanceof InvalidFormatException badValue) {
            return badValueReason(badValue);
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            return e.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return wrongShapeReason(mismatch.getTargetType());
        }
        return oneLine(e.getOriginalMessage());
    }

    /** SnakeYAML quotes the offending source lines in its message; the position already points there. */
    private static String syntaxReason(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        return "syntax error: " + oneLine(SNIPPET.matcher(message).replaceAll(""));
    }

    private static String unknownKindReason(InvalidTypeIdException e) {
        // Triggers have no type id: their kind is deduced from their keys, and this is how deduction fails.
        if (e.getBaseType() != null && e.getBaseType().getRawClass() == Trigger.class) {
            return wrongShapeReason(Trigger.class);
        }
        return "unknown action '" + e.getTypeId() + "' (known: publish, delay, set, log)";
    }

    private static String badValueReason(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            return "'" + e.getValue() + "' is not one of: " + allowed;
        }
        if (target == Duration.class) {
            // The deserializer's own message already quotes the value and shows the notation.
            return oneLine(e.getOriginalMessage().replaceFirst("^.*?: ", ""));
        }
        return "'" + e.getValue() + "' is not a valid " + describe(target);
    }

    private static String wrongShapeReason(Class<?> target) {
        if (target == Trigger.class) {
            return "a trigger needs exactly one of: topic, cron, sun, offline";
        }
        if (target == Duration.class) {
            return "expected a duration like 30s, 5m or 1h30m";
        }
        return "expected " + describe(target);
    }

    private static String describe(Class<?> target) {
        if (target == null) {
            return "value";
        }
        if (target == int.class || target == Integer.class) {
            return "whole number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        }
        if (target == String.class) {
            return "text";
        }
        if (java.util.Collection.class.isAssignableFrom(target)) {
            return "a list";
        }
        return "a " + target.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static SourcePosition position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return SourcePosition.UNKNOWN;
        }
        return new SourcePosition(location.getLineNr(), Math.max(location.getColumnNr(), 0));
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s+", " ");
    }
}
