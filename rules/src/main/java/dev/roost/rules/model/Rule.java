package dev.roost.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Duration;
import java.util.List;

/**
 * An automation rule: when one of {@code when} fires and {@code condition} (the document's {@code if}) has
 * held for {@code forDuration} (the document's {@code for}), run {@code then} in order.
 *
 * <p>{@code condition} is null when the rule has no {@code if}; {@code forDuration} is {@link Duration#ZERO}
 * when it has no {@code for}. A document without {@code name} or {@code enabled} gets its id as name and is
 * enabled. Whether a rule is usable is decided by {@link RuleValidator}, not here.
 */
public record Rule(
        String id,
        String name,
        boolean enabled,
        List<Trigger> when,
        String condition,
        Duration forDuration,
        List<Action> then,
        Mode mode) {

    public Rule {
        when = when == null ? List.of() : List.copyOf(when);
        forDuration = forDuration == null ? Duration.ZERO : forDuration;
        then = then == null ? List.of() : List.copyOf(then);
        mode = mode == null ? Mode.SINGLE : mode;
    }

    /** The rule as read from a document: every key but {@code id}, {@code when} and {@code then} is optional. */
    @JsonCreator
    static Rule fromDocument(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("when") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            @JsonSetter(contentNulls = Nulls.FAIL) List<Trigger> when,
            @JsonProperty("if") String condition,
            @JsonProperty("for") Duration forDuration,
            @JsonProperty("then") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            @JsonSetter(contentNulls = Nulls.FAIL) List<Action> then,
            @JsonProperty("mode") Mode mode) {
        return new Rule(id, name == null ? id : name, enabled == null || enabled,
                when, condition, forDuration, then, mode);
    }
}
