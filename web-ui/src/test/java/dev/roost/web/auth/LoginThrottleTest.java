package dev.roost.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final SteppingClock clock = new SteppingClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void threeMistakesCostNothingThenEachDoublesTheWaitUpToFiveMinutes() {
        assertThat(LoginThrottle.delayAfter(3)).isZero();
        assertThat(LoginThrottle.delayAfter(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginThrottle.delayAfter(5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LoginThrottle.delayAfter(9)).isEqualTo(Duration.ofSeconds(32));
        assertThat(LoginThrottle.delayAfter(12)).isEqualTo(Duration.ofSeconds(256));
        assertThat(LoginThrottle.delayAfter(13)).isEqualTo(Duration.ofMinutes(5));
        assertThat(LoginThrottle.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theWaitRunsDownWithTimeAndIsPerSourceAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("192.168.1.66");
        }

        assertThat(throttle.waitFor("192.168.1.66")).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.waitFor("192.168.1.20")).isZero();
        clock.advance(Duration.ofMillis(1_500));
        assertThat(throttle.waitFor("192.168.1.66")).isEqualTo(Duration.ofMillis(500));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("192.168.1.66")).isZero();
    }

    @Test
    void aSuccessClearsTheCount() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("10.0.0.5");
        }
        throttle.succeeded("10.0.0.5");
        throttle.failed("10.0.0.5");

        assertThat(throttle.waitFor("10.0.0.5")).isZero();
    }
}
