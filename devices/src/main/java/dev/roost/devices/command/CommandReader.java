package dev.roost.devices.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roost.devices.device.CommandOutcome;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads the fields of a JSON command and explains the first one that does not fit, so drivers check a
 * command completely before they change anything.
 *
 * <p>Immutable; one per command.
 */
public final class CommandReader {

    private final JsonNode command;

    private CommandReader(JsonNode command) {
        this.command = command;
    }

    /**
     * A reader for a command that must be a non-empty JSON object whose fields are all in {@code allowed}.
     *
     * @return the reader, or the reason the command is rejected as a whole
     */
    public static Result open(JsonNode command, Set<String> allowed) {
        if (command == null || !command.isObject()) {
            return new Result(null,
                    CommandOutcome.rejected(null, "a command is a JSON object such as {\"state\":\"ON\"}"));
        }
        if (command.isEmpty()) {
            return new Result(null, CommandOutcome.rejected(null, "the command is empty; fields: " + sorted(allowed)));
        }
        for (Iterator<String> names = command.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                return new Result(null, CommandOutcome.rejected(name, "unknown field; this device accepts "
                        + sorted(allowed)));
            }
        }
        return new Result(new CommandReader(command), null);
    }

    /**
     * A reader as {@link #open}, the rejection thrown as {@link Invalid}: for code that checks a command by
     * throwing at its first misfit.
     */
    public static CommandReader openOrThrow(JsonNode command, Set<String> allowed) {
        Result opened = open(command, allowed);
        if (opened.rejection() != null) {
            throw new Invalid(opened.rejection().field(), opened.rejection().detail());
        }
        return opened.reader();
    }

    /** The reader, or the rejection when the command could not be opened. */
    public record Result(CommandReader reader, CommandOutcome rejection) {
    }

    /** An upper-cased word from {@code words}, empty when absent; a rejection is thrown as {@link Invalid}. */
    public Optional<String> word(String field, List<String> words) {
        JsonNode value = command.get(field);
        if (value == null) {
            return Optional.empty();
        }
        String word = value.isTextual() ? value.asText().toUpperCase(Locale.ROOT) : null;
        if (word == null || !words.contains(word)) {
            throw new Invalid(field, "must be one of " + words + ", got " + value);
        }
        return Optional.of(word);
    }

    /** A whole number in {@code min..max}, empty when absent. */
    public OptionalInt integer(String field, int min, int max) {
        JsonNode value = command.get(field);
        if (value == null) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw new Invalid(field, "must be a whole number from " + min + " to " + max + ", got " + value);
        }
        return OptionalInt.of(value.asInt());
    }

    /** A number in {@code min..max} that is a whole multiple of {@code step}, empty when absent. */
    public OptionalDouble decimal(String field, double min, double max, double step) {
        JsonNode value = command.get(field);
        if (value == null) {
            return OptionalDouble.empty();
        }
        double number = value.asDouble();
        boolean onStep = value.isNumber() && Math.abs(Math.rint(number / step) * step - number) < 1e-9;
        if (!onStep || number < min || number > max) {
            throw new Invalid(field, "must be a number from " + plain(min) + " to " + plain(max) + " in steps of "
                    + plain(step) + ", got " + value);
        }
        return OptionalDouble.of(Math.rint(number / step) * step);
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    /** A field that does not fit; drivers turn it into a rejected {@link CommandOutcome}. */
    public static final class Invalid extends RuntimeException {
        private final String field;

        public Invalid(String field, String detail) {
            super(detail, null, false, false);
            this.field = field;
        }

        public CommandOutcome outcome() {
            return CommandOutcome.rejected(field, getMessage());
        }
    }
}
