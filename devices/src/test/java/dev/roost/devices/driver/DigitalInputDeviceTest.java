package dev.roost.devices.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pi4j.context.Context;
import dev.roost.devices.config.DeviceSpec;
import dev.roost.devices.platform.Pi4jContexts;
import dev.roost.devices.sim.SimulatedInputs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DigitalInputDeviceTest {

    private final Context pi4j = Pi4jContexts.mock();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final RecordedEvents events = new RecordedEvents();

    @AfterEach
    void shutdown() {
        timer.shutdownNow();
        pi4j.shutdown();
    }

    private DigitalInputDevice start(DeviceSpec spec) {
        DigitalInputDevice device = new DigitalInputDevice(spec, pi4j, timer);
        device.start(events);
        return device;
    }

    @Test
    void bouncingContactPublishesTheNewStateOnceAfterTheDebounceTime() throws Exception {
        DigitalInputDevice door = start(DeviceSpec.onPin("front-door", "digital-in", 22).withInput("up", null, 100));
        SimulatedInputs inputs = new SimulatedInputs(List.of(door));
        assertThat(events.states()).containsExactly(Map.of("state", "OFF"));

        long started = System.nanoTime();
        for (int bounce = 0; bounce < 5; bounce++) {
            inputs.set("front-door", true);
            inputs.set("front-door", false);
        }
        inputs.set("front-door", true);

        await().atMost(Duration.ofSeconds(2)).until(() -> events.states().size() == 2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(events.states()).containsExactly(Map.of("state", "OFF"), Map.of("state", "ON"));
        // No late duplicate: wait well past another debounce period, then count again.
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(events.states()).hasSize(2));
    }

    @Test
    void bounceThatEndsWhereItStartedPublishesNothing() {
        DigitalInputDevice motion = start(DeviceSpec.onPin("motion", "digital-in", 23).withInput(null, null, 30));
        SimulatedInputs inputs = new SimulatedInputs(List.of(motion));

        inputs.set("motion", true);
        inputs.set("motion", false);

        await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(events.states()).containsExactly(Map.of("state", "OFF")));
    }

    @Test
    void invertedInputIsActiveWhileItsPinIsLow() {
        DigitalInputDevice button = start(DeviceSpec.onPin("button", "digital-in", 5).withInput("up", true, 0));

        // A mock pin starts LOW, which an inverted (pulled-up, switched to ground) input reads as pressed.
        assertThat(events.states()).containsExactly(Map.of("state", "ON"));
        assertThat(new SimulatedInputs(List.of(button)).set("button", false)).isTrue();
        await().atMost(Duration.ofSeconds(1)).until(() -> events.states().size() == 2);
        assertThat(events.states()).last().isEqualTo(Map.of("state", "OFF"));
    }

    @Test
    void pullResistorIsConfiguredOnThePin() {
        DigitalInputDevice door = start(DeviceSpec.onPin("front-door", "digital-in", 22).withInput("up", null, null));

        assertThat(door.input().config().pull()).isEqualTo(com.pi4j.io.gpio.digital.PullResistance.PULL_UP);
        assertThat(door.input().config().address()).isEqualTo(22);
    }

    @Test
    void anInputRefusesCommands() throws Exception {
        DigitalInputDevice door = start(DeviceSpec.onPin("front-door", "digital-in", 22));

        assertThat(door.command(new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"state\":\"ON\"}"))
                .detail()).isEqualTo("'front-door' is an input and cannot be commanded");
    }
}
