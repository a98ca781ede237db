package dev.roost.hub.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How much history of numeric state topics the hub keeps: for how many days, and for how many topic fields at
 * most, so a client publishing ever new topics cannot fill the SD card.
 */
public record HistorySettings(int retentionDays, int maxSeries) {

    @JsonCreator
    public HistorySettings(@JsonProperty("retentionDays") Integer retentionDays,
                           @JsonProperty("maxSeries") Integer maxSeries) {
        this(Ranges.between("history.retentionDays", retentionDays, 1, 3650, 30),
                Ranges.between("history.maxSeries", maxSeries, 1, 10_000, 500));
    }

    public static HistorySettings defaults() {
        return new HistorySettings(null, null);
    }
}
