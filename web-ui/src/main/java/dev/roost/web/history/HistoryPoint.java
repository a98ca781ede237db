package dev.roost.web.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One point of a chart: a reading at its time, or, for a bucket of several readings, the bucket's start with
 * their mean as {@code value} and their {@code min} and {@code max} (null, and left out of the JSON, otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryPoint(Instant time, double value, Double min, Double max) {

    public static HistoryPoint reading(Instant time, double value) {
        return new HistoryPoint(time, value, null, null);
    }
}
