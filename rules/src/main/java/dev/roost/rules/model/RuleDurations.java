package dev.roost.rules.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the durations people write in rules — {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 500ms},
 * {@code -15m} — because ISO-8601 ({@code PT5M}) is not what anyone types into a phone.
 */
public final class RuleDurations {

    private static final Pattern WHOLE = Pattern.compile("-?(\\d+(ms|[dhms]))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|[dhms])");

    private RuleDurations() {
    }

    /**
     * Parses a duration: an optional '-' and one or more number-unit pairs, units d, h, m, s and ms.
     *
     * @throws IllegalArgumentException if the text is not such a duration
     */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration like 30s, 5m, 1h30m or -15m (units d, h, m, s, ms)");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(trimmed);
        try {
            while (part.find()) {
                total = total.plus(unit(part.group(2)).multipliedBy(Long.parseLong(part.group(1))));
            }
        } catch (ArithmeticException | NumberFormatException tooLong) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration", tooLong);
        }
        return trimmed.startsWith("-") ? total.negated() : total;
    }

    private static Duration unit(String unit) {
        return switch (unit) {
            case "d" -> Duration.ofDays(1);
            case "h" -> Duration.ofHours(1);
            case "m" -> Duration.ofMinutes(1);
            case "s" -> Duration.ofSeconds(1);
            case "ms" -> Duration.ofMillis(1);
            default -> throw new IllegalStateException("unit not in pattern: " + unit);
        };
    }
}
