package dev.roost.rules.model;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;

/**
 * The cron notation of rules: six fields, second minute hour day-of-month month day-of-week, as Spring writes
 * them (e.g. {@code 0 30 18 * * *}), read by cron-utils.
 *
 * <p>Thread-safe: cron-utils' parser keeps no state between calls.
 */
public final class CronSyntax {

    private static final int FIELDS = 6;

    private final CronParser parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING));

    /**
     * Reads a cron expression.
     *
     * @throws IllegalArgumentException with a reason a user can act on when the expression is not valid
     */
    public Cron parse(String cron) {
        int fields = cron == null || cron.isBlank() ? 0 : cron.strip().split("\\s+").length;
        if (fields != FIELDS) {
            throw new IllegalArgumentException(
                    "needs 6 fields (second minute hour day month weekday), found " + fields);
        }
        try {
            return parser.parse(cron.strip()).validate();
        } catch (IllegalArgumentException notCron) {
            throw new IllegalArgumentException("'" + cron + "' is not a valid schedule: " + notCron.getMessage(),
                    notCron);
        }
    }
}
