package dev.roost.rules.trigger;

import com.cronutils.model.Cron;
import com.cronutils.model.time.ExecutionTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Fires on a cron schedule, in the hub's time zone (so "18:30" follows daylight saving time). */
final class CronTimeTrigger implements TimeTrigger {

    private final String text;
    private final ExecutionTime executionTime;

    CronTimeTrigger(String text, Cron cron) {
        this.text = text;
        this.executionTime = ExecutionTime.forCron(cron);
    }

    @Override
    public Optional<ZonedDateTime> nextAfter(ZonedDateTime after) {
        return executionTime.nextExecution(after);
    }

    @Override
    public String describe() {
        return "cron " + text;
    }
}
