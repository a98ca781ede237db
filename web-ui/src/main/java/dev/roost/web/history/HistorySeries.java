package dev.roost.web.history;

import java.time.Instant;

/** One topic and field with recorded values, and its latest reading, for the history screen's picker. */
public record HistorySeries(String topic, String field, Instant lastTime, double lastValue) {
}
