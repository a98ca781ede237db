package dev.roost.rules.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicFilterIndexTest {

    private final TopicFilterIndex<String> index = new TopicFilterIndex<>();

    private List<String> matches(String topic) {
        List<String> found = new ArrayList<>();
        index.forEachMatch(topic, found::add);
        return found;
    }

    @Test
    void exactFilterMatchesOnlyItsTopic() {
        index.add("home/temperature", "t");

        assertThat(matches("home/temperature")).containsExactly("t");
        assertThat(matches("home/temperature/set")).isEmpty();
        assertThat(matches("home")).isEmpty();
    }

    @Test
    void plusMatchesExactlyOneLevel() {
        index.add("home/+/availability", "a");

        assertThat(matches("home/smart-lock/availability")).containsExactly("a");
        assertThat(matches("home/availability")).isEmpty();
        assertThat(matches("home/a/b/availability")).isEmpty();
        assertThat(matches("home//availability")).containsExactly("a");
    }

    @Test
    void hashMatchesTheParentAndEveryLevelBelow() {
        index.add("home/#", "h");

        assertThat(matches("home")).containsExactly("h");
        assertThat(matches("home/a")).containsExactly("h");
        assertThat(matches("home/a/b/c")).containsExactly("h");
        assertThat(matches("garden/a")).isEmpty();
    }

    @Test
    void wildcardsAtTheStartDoNotMatchSystemTopics() {
        index.add("#", "all");
        index.add("+/broker/uptime", "plus");
        index.add("$SYS/#", "sys");

        assertThat(matches("$SYS/broker/uptime")).containsExactly("sys");
        assertThat(matches("home/x")).containsExactly("all");
    }

    @Test
    void everyMatchingFilterIsVisitedOnceAndOthersNot() {
        index.add("home/temperature", "exact");
        index.add("home/+", "plus");
        index.add("home/#", "hash");
        index.add("home/thermostat", "other");
        index.add("garden/#", "elsewhere");

        assertThat(matches("home/temperature")).containsExactlyInAnyOrder("exact", "plus", "hash");
    }

    @Test
    void removedValueIsNoLongerMatchedButOthersUnderTheSameFilterAre() {
        index.add("home/temperature", "a");
        index.add("home/temperature", "b");

        assertThat(index.remove("home/temperature", "a")).isTrue();
        assertThat(index.remove("home/temperature", "a")).isFalse();
        assertThat(index.remove("home/unknown", "a")).isFalse();

        assertThat(matches("home/temperature")).containsExactly("b");
        assertThat(index.size()).isEqualTo(1);
    }
}
