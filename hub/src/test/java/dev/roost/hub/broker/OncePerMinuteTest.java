package dev.roost.hub.broker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OncePerMinuteTest {

    @Test
    void theFirstWarningIsLoggedRepeatsWithinTheMinuteAreNotAndAFaultThatStartsAnewIs() {
        OncePerMinute pace = new OncePerMinute();
        assertThat(pace.due()).isTrue();
        assertThat(pace.due()).isFalse();
        assertThat(pace.due()).isFalse();
        pace.reset();
        assertThat(pace.due()).isTrue();
        assertThat(pace.due()).isFalse();
    }
}
