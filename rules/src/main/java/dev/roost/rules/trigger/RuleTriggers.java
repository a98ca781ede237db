package dev.roost.rules.trigger;

import java.util.List;

/** The working triggers of one rule: those fed by messages and those fired by time. */
public record RuleTriggers(List<MessageTrigger> messages, List<TimeTrigger> times) {

    public RuleTriggers {
        messages = List.copyOf(messages);
        times = List.copyOf(times);
    }
}
