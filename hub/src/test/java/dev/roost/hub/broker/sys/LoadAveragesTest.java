package dev.roost.hub.broker.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoadAveragesTest {

    private final AtomicLong received = new AtomicLong();
    private final LoadAverages load = new LoadAverages();

    @Test
    void aSteadyRateConvergesToItsPerMinuteValueFastestInTheShortestWindow() {
        load.track("messages/received", received::get);

        for (int round = 0; round < 30; round++) { // five minutes of 10 s rounds at 2 messages per second
            received.addAndGet(20);
            load.update(10);
        }

        assertThat((double) load.snapshot().get("load/messages/received/1min")).isCloseTo(120.0, within(1.0));
        assertThat((double) load.snapshot().get("load/messages/received/5min")).isCloseTo(120 * (1 - Math.exp(-1)),
                within(1.0));
        assertThat((double) load.snapshot().get("load/messages/received/15min")).isLessThan(
                (double) load.snapshot().get("load/messages/received/5min"));
    }

    @Test
    void silenceDecaysTheAveragesTowardsZero() {
        load.track("messages/received", received::get);
        received.addAndGet(600);
        load.update(10);
        double before = (double) load.snapshot().get("load/messages/received/1min");

        for (int round = 0; round < 60; round++) {
            load.update(10);
        }

        assertThat((double) load.snapshot().get("load/messages/received/1min")).isLessThan(before / 100);
    }
}
