package dev.roost.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Writes a line to the rule's run trace and the hub log, written as {@code log: "heating on"}. */
public record LogAction(String message) implements Action {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LogAction {
    }
}
