package dev.roost.rules.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The moments of the solar day a {@link SunTrigger} can fire at. */
public enum SunEvent {
    @JsonProperty("sunrise") SUNRISE,
    @JsonProperty("sunset") SUNSET
}
