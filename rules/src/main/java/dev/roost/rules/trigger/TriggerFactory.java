package dev.roost.rules.trigger;

import dev.roost.rules.model.CronSyntax;
import dev.roost.rules.model.CronTrigger;
import dev.roost.rules.model.OfflineTrigger;
import dev.roost.rules.model.SunTrigger;
import dev.roost.rules.model.TopicTrigger;
import dev.roost.rules.model.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns a validated rule's {@code when} list into the working triggers the engine registers: message triggers
 * for its topic-filter index, time triggers for its scheduler. Each call builds fresh state.
 */
public final class TriggerFactory {

    private final String topicBase;
    private final Supplier<Location> location;
    private final CronSyntax cronSyntax = new CronSyntax();

    /** Triggers for a hub that stays where {@code settings} says. */
    public TriggerFactory(TriggerSettings settings) {
        this(settings.topicBase(), settings::location);
    }

    /** Triggers whose sun times follow {@code location}, read each time one computes its next moment. */
    public TriggerFactory(String topicBase, Supplier<Location> location) {
        this.topicBase = topicBase;
        this.location = location;
    }

    /** The working triggers of a rule, which must have passed validation. */
    public RuleTriggers build(List<Trigger> when) {
        List<MessageTrigger> messages = new ArrayList<>();
        List<TimeTrigger> times = new ArrayList<>();
        for (Trigger trigger : when) {
            if (trigger instanceof TopicTrigger topic) {
                messages.add(messageTrigger(topic));
            } else if (trigger instanceof OfflineTrigger offline) {
                String availability = topicBase + "/" + offline.offline() + "/availability";
                messages.add(new OfflineMessageTrigger(availability));
            } else if (trigger instanceof CronTrigger cron) {
                times.add(new CronTimeTrigger(cron.cron(), cronSyntax.parse(cron.cron())));
            } else if (trigger instanceof SunTrigger sun) {
                times.add(new SunTimeTrigger(location, sun.sun(), sun.offset()));
            }
        }
        return new RuleTriggers(messages, times);
    }

    private static MessageTrigger messageTrigger(TopicTrigger topic) {
        if (topic.below() != null) {
            return new ThresholdTrigger(topic.topic(), topic.field(), topic.below(), topic.hysteresis(), true);
        }
        if (topic.above() != null) {
            return new ThresholdTrigger(topic.topic(), topic.field(), topic.above(), topic.hysteresis(), false);
        }
        return new TopicMessageTrigger(topic.topic(), topic.changes());
    }
}
