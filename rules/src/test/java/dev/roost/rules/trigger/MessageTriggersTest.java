package dev.roost.rules.trigger;

import static dev.roost.rules.trigger.TriggerSignal.FIRE;
import static dev.roost.rules.trigger.TriggerSignal.HOLD;
import static dev.roost.rules.trigger.TriggerSignal.IGNORE;
import static dev.roost.rules.trigger.TriggerSignal.RELEASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.rules.model.OfflineTrigger;
import dev.roost.rules.model.TopicTrigger;
import dev.roost.rules.model.Trigger;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTriggersTest {

    private static final TriggerFactory FACTORY = new TriggerFactory(
            new TriggerSettings("home", new Location(52.52, 13.40, ZoneId.of("Europe/Berlin"))));

    private static MessageTrigger build(Trigger trigger) {
        return FACTORY.build(List.of(trigger)).messages().get(0);
    }

    private static List<TriggerSignal> offerAll(MessageTrigger trigger, String topic, Object... values) {
        List<TriggerSignal> signals = new ArrayList<>();
        for (Object value : values) {
            signals.add(trigger.offer(topic, String.valueOf(value), value, false));
        }
        return signals;
    }

    @Test
    void plainTopicTriggerFiresOnEveryMessage() {
        MessageTrigger trigger = build(new TopicTrigger("home/+/motion", false));

        assertThat(offerAll(trigger, "home/hall/motion", "on", "on", "off")).containsExactly(FIRE, FIRE, FIRE);
    }

    @Test
    void changesTriggerFiresOnlyWhenThePayloadOfThatTopicChanges() {
        MessageTrigger trigger = build(new TopicTrigger("home/+/motion", true));

        assertThat(offerAll(trigger, "home/hall/motion", "on", "on", "off", "off")).containsExactly(FIRE, HOLD, FIRE, HOLD);
        assertThat(offerAll(trigger, "home/porch/motion", "off")).containsExactly(FIRE);
    }

    @Test
    void valueWobblingAroundTheThresholdFiresOnce() {
        MessageTrigger trigger = build(new TopicTrigger("home/temperature", false, null, 18.0, 0.5, null));

        assertThat(offerAll(trigger, "home/temperature", 18.2, 17.9, 18.1, 17.95, 18.3, 17.8))
                .containsExactly(IGNORE, FIRE, HOLD, HOLD, HOLD, HOLD);
    }

    @Test
    void thresholdFiresAgainOnlyAfterGoingBackPastTheHysteresis() {
        MessageTrigger trigger = build(new TopicTrigger("home/temperature", false, null, 18.0, 0.5, null));

        assertThat(offerAll(trigger, "home/temperature", 17.5, 18.5, 17.9))
                .containsExactly(FIRE, RELEASE, FIRE);
    }

    @Test
    void aboveThresholdMirrorsBelow() {
        MessageTrigger trigger = build(new TopicTrigger("home/temperature", false, 18.0, null, 0.5, null));

        assertThat(offerAll(trigger, "home/temperature", 21, 17.8, 17.4, 18.2))
                .containsExactly(FIRE, HOLD, RELEASE, FIRE);
    }

    @Test
    void thresholdReadsTheNumberOfAJsonObjectOrTheNamedField() {
        MessageTrigger only = build(new TopicTrigger("home/temperature", false, null, 18.0, 0.0, null));
        MessageTrigger named = build(new TopicTrigger("home/climate", false, null, 18.0, 0.0, "temperature"));

        assertThat(only.offer("home/temperature", "", Map.of("temperature", 17.5), false)).isEqualTo(FIRE);
        assertThat(named.offer("home/climate", "", Map.of("temperature", 17.0, "humidity", 40), false)).isEqualTo(FIRE);
    }

    @Test
    void payloadWithoutAReadingIsIgnored() {
        MessageTrigger trigger = build(new TopicTrigger("home/temperature", false, null, 18.0, 0.0, null));

        assertThat(offerAll(trigger, "home/temperature", "ON", Map.of("a", 1, "b", 2), Map.of("state", "ON")))
                .containsExactly(IGNORE, IGNORE, IGNORE);
    }

    @Test
    void retainedValueOnStartSetsTheSideWithoutFiring() {
        MessageTrigger trigger = build(new TopicTrigger("home/temperature", false, null, 18.0, 0.5, null));

        assertThat(trigger.offer("home/temperature", "17", 17, true)).isEqualTo(IGNORE);
        assertThat(offerAll(trigger, "home/temperature", 17.5)).containsExactly(HOLD);
    }

    @Test
    void offlineTriggerWatchesTheAvailabilityTopicAndFiresOnTheChangeToOffline() {
        MessageTrigger trigger = build(new OfflineTrigger("smart-lock"));

        assertThat(trigger.filter()).isEqualTo("home/smart-lock/availability");
        assertThat(offerAll(trigger, trigger.filter(), "online", "offline", "offline", "online", "offline"))
                .containsExactly(RELEASE, FIRE, HOLD, RELEASE, FIRE);
    }
}
