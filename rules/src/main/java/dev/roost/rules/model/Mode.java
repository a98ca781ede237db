package dev.roost.rules.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a rule does when it triggers again while a previous run is still going (e.g. inside a delay). */
public enum Mode {
    /** Ignore the new trigger; the running run finishes. */
    @JsonProperty("single") SINGLE,
    /** Cancel the running run and start again. */
    @JsonProperty("restart") RESTART,
    /** Run again after the running run finishes, in trigger order. */
    @JsonProperty("queued") QUEUED
}
