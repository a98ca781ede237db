package dev.roost.rules.trigger;

import java.time.ZonedDateTime;
import java.util.Optional;

/** A trigger that fires at moments in time (a cron schedule, sunrise or sunset), asked one moment at a time. */
public interface TimeTrigger {

    /** The first moment strictly after {@code after} at which the trigger fires, or empty if it never does. */
    Optional<ZonedDateTime> nextAfter(ZonedDateTime after);

    /** A short text saying what fires, for the run history ({@code cron 0 30 18 * * *}). */
    String describe();
}
