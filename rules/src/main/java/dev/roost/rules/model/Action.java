package dev.roost.rules.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One step of a rule's {@code then} list; in a rule document each step is a one-key object naming its kind:
 * {@code publish}, {@code delay}, {@code set} or {@code log}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({
        @JsonSubTypes.Type(value = PublishAction.class, name = "publish"),
        @JsonSubTypes.Type(value = DelayAction.class, name = "delay"),
        @JsonSubTypes.Type(value = SetAction.class, name = "set"),
        @JsonSubTypes.Type(value = LogAction.class, name = "log")})
public sealed interface Action permits PublishAction, DelayAction, SetAction, LogAction {
}
