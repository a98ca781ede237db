package dev.roost.devices.discovered.component;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roost.devices.command.CommandReader;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A light command in Roost's vocabulary, checked whole: {@code state} ON/OFF, {@code brightness} 0..100
 * (0 is off), {@code color_temp} in mireds and {@code rgb} as [r, g, b].
 *
 * @param on         null when the command does not say
 * @param brightness percent, null when absent
 * @param colorTemp  mireds, null when absent
 * @param rgb        three values 0..255, null when absent
 */
record LightCommand(Boolean on, Integer brightness, Integer colorTemp, int[] rgb) {

    private static final Set<String> FIELDS = Set.of("state", "brightness", "color_temp", "rgb");

    static LightCommand read(JsonNode command, boolean dimmable, boolean colorTemp, boolean rgb) {
        CommandReader reader = CommandReader.openOrThrow(command, FIELDS);
        Boolean on = reader.word("state", List.of("ON", "OFF")).map("ON"::equals).orElse(null);
        Integer brightness = optional(reader.integer("brightness", 0, 100));
        if (brightness != null && !dimmable) {
            throw new CommandReader.Invalid("brightness", "this light cannot be dimmed");
        }
        Integer mireds = optional(reader.integer("color_temp", 50, 1000));
        if (mireds != null && !colorTemp) {
            throw new CommandReader.Invalid("color_temp", "this light has no colour temperature");
        }
        int[] colour = null;
        JsonNode value = command.get("rgb");
        if (value != null) {
            if (!rgb) {
                throw new CommandReader.Invalid("rgb", "this light has no colour");
            }
            colour = rgb(value);
        }
        if (brightness != null && brightness == 0) {
            if (Boolean.TRUE.equals(on)) {
                throw new CommandReader.Invalid("brightness", "0 turns the light off; it cannot also be ON");
            }
            return new LightCommand(false, null, null, null);
        }
        if (Boolean.FALSE.equals(on) && (brightness != null || mireds != null || colour != null)) {
            throw new CommandReader.Invalid("state", "a light turned OFF takes no brightness or colour");
        }
        if (on == null && brightness == null && mireds == null && colour == null) {
            throw new CommandReader.Invalid(null, "nothing to do");
        }
        return new LightCommand(on != null ? on : Boolean.TRUE, brightness, mireds, colour);
    }

    private static Integer optional(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    private static int[] rgb(JsonNode value) {
        if (!value.isArray() || value.size() != 3) {
            throw new CommandReader.Invalid("rgb", "must be [red, green, blue], each 0 to 255, got " + value);
        }
        int[] colour = new int[3];
        for (int i = 0; i < 3; i++) {
            JsonNode part = value.get(i);
            if (!part.isIntegralNumber() || part.asInt() < 0 || part.asInt() > 255) {
                throw new CommandReader.Invalid("rgb", "must be [red, green, blue], each 0 to 255, got " + value);
            }
            colour[i] = part.asInt();
        }
        return colour;
    }
}
