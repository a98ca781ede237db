package dev.roost.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WantedTopicsTest {

    @Test
    void answersFollowTheFiltersOfTheLoadedRules() {
        WantedTopics wanted = new WantedTopics();
        assertThat(wanted.wants("home/hall/temperature")).isFalse();

        wanted.replace(List.of("home/+/temperature", "smart-lock/#"));
        assertThat(wanted.wants("home/hall/temperature")).isTrue();
        assertThat(wanted.wants("home/hall/humidity")).isFalse();
        assertThat(wanted.wants("smart-lock")).isTrue();

        wanted.replace(List.of("smart-lock/#"));
        assertThat(wanted.wants("home/hall/temperature")).isFalse();
        assertThat(wanted.wants("smart-lock/front")).isTrue();
    }

    @Test
    void manyDistinctTopicsAreStillAnswered() {
        WantedTopics wanted = new WantedTopics();
        wanted.replace(List.of("scan/+/wanted"));
        for (int i = 0; i < 5_000; i++) {
            assertThat(wanted.wants("scan/" + i + "/wanted")).isTrue();
            assertThat(wanted.wants("scan/" + i + "/other")).isFalse();
        }
    }
}
