package dev.roost.hub.broker.subscription;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

    @Test
    void validFilters() {
        for (String filter : new String[] {"#", "+", "a/#", "+/+/#", "a/+/b", "/", "a//b", "$SYS/#", "sport/tennis/+"}) {
            assertThat(Topics.checkFilter(filter, 1024, 32)).as(filter).isNull();
        }
    }

    @Test
    void invalidFilters() {
        for (String filter : new String[] {"", "a/#/b", "a#", "#/", "a/b+", "+a", "sport/tennis#"}) {
            assertThat(Topics.checkFilter(filter, 1024, 32)).as(filter).isNotNull();
        }
    }

    @Test
    void topicNamesMayNotHoldWildcards() {
        assertThat(Topics.checkName("a/b", 1024, 32)).isNull();
        assertThat(Topics.checkName("a/+", 1024, 32)).contains("wildcard");
        assertThat(Topics.checkName("a/#", 1024, 32)).contains("wildcard");
        assertThat(Topics.checkName("", 1024, 32)).contains("empty");
    }

    @Test
    void limitsOnBytesAndLevels() {
        assertThat(Topics.checkName("é".repeat(6), 11, 32)).contains("11 bytes");
        assertThat(Topics.checkName("a/b/c/d", 1024, 3)).contains("3 levels");
    }

    @Test
    void singleMatch() {
        assertThat(Topics.matches("sport/#", "sport")).isTrue();
        assertThat(Topics.matches("sport/+", "sport")).isFalse();
        assertThat(Topics.matches("+/+", "/finance")).isTrue();
        assertThat(Topics.matches("#", "$SYS/x")).isFalse();
    }
}
