package dev.roost.rules.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What starts a rule; in a rule document the kind follows from the keys written:
 * {@code {topic: ...}}, {@code {cron: ...}}, {@code {sun: ..., offset: ...}} or {@code {offline: <device-id>}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({
        @JsonSubTypes.Type(TopicTrigger.class),
        @JsonSubTypes.Type(CronTrigger.class),
        @JsonSubTypes.Type(SunTrigger.class),
        @JsonSubTypes.Type(OfflineTrigger.class)})
public sealed interface Trigger permits TopicTrigger, CronTrigger, SunTrigger, OfflineTrigger {
}
