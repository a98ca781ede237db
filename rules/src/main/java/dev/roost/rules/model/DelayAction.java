package dev.roost.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Duration;

/** Waits before the next action, written as {@code delay: 30s}. */
public record DelayAction(Duration duration) implements Action {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DelayAction {
    }
}
