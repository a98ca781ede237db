package dev.roost.rules.model;

/**
 * Fires on a schedule written as six cron fields: second minute hour day-of-month month day-of-week,
 * e.g. {@code 0 30 18 * * *} for 18:30:00 every day.
 */
public record CronTrigger(String cron) implements Trigger {
}
