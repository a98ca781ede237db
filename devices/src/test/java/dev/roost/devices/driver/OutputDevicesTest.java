package dev.roost.devices.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import dev.roost.devices.config.DeviceSpec;
import dev.roost.devices.device.CommandOutcome;
import dev.roost.devices.platform.Pi4jContexts;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutputDevicesTest {

    private final Context pi4j = Pi4jContexts.mock();
    private final RecordedEvents events = new RecordedEvents();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    private JsonNode cmd(String text) throws Exception {
        return json.readTree(text);
    }

    private DigitalState pin(String id) {
        return pi4j.registry().<DigitalOutput>get(id).state();
    }

    @Test
    void lockStartsLockedAndUnlocksOnCommand() throws Exception {
        DigitalOutputDevice lock = new DigitalOutputDevice(
                DeviceSpec.onPin("smart-lock", "digital-out", 27).withRole("lock"), pi4j);
        lock.start(events);
        assertThat(pin("smart-lock")).isEqualTo(DigitalState.LOW);

        assertThat(lock.command(cmd("{\"state\":\"UNLOCK\"}")).accepted()).isTrue();

        assertThat(pin("smart-lock")).isEqualTo(DigitalState.HIGH);
        assertThat(events.states()).containsExactly(Map.of("state", "LOCKED"), Map.of("state", "UNLOCKED"));
    }

    @Test
    void invertedRelayIsDrivenLowWhenOnAndStartsInItsInitialStateAfterTheSafeOne() {
        DigitalOutputDevice relay = new DigitalOutputDevice(new DeviceSpec("heating", "digital-out", null, 17, null,
                null, null, null, true, null, "ON", "OFF", null, null, null), pi4j);
        relay.start(events);

        assertThat(relay.isActive()).isTrue();
        assertThat(pin("heating")).isEqualTo(DigitalState.LOW);
        relay.toSafeState();
        assertThat(pin("heating")).isEqualTo(DigitalState.HIGH);
        assertThat(events.states()).containsExactly(Map.of("state", "ON"), Map.of("state", "OFF"));
    }

    @Test
    void commandThatDoesNotFitTheOutputChangesNothing() throws Exception {
        DigitalOutputDevice relay = new DigitalOutputDevice(DeviceSpec.onPin("thermostat", "digital-out", 17), pi4j);
        relay.start(events);

        CommandOutcome wrongWord = relay.command(cmd("{\"state\":\"UNLOCK\"}"));
        CommandOutcome unknownField = relay.command(cmd("{\"state\":\"ON\",\"colour\":\"red\"}"));
        CommandOutcome notObject = relay.command(cmd("[1]"));

        assertThat(wrongWord).isEqualTo(CommandOutcome.rejected("state",
                "must be one of [ON, OFF, TOGGLE], got \"UNLOCK\""));
        assertThat(unknownField.field()).isEqualTo("colour");
        assertThat(notObject.accepted()).isFalse();
        assertThat(pin("thermostat")).isEqualTo(DigitalState.LOW);
        assertThat(events.states()).containsExactly(Map.of("state", "OFF"));
    }

    @Test
    void thermostatHoldsASetPointInHalfDegreesAndReportsItWithItsState() throws Exception {
        DigitalOutputDevice heating = new DigitalOutputDevice(
                DeviceSpec.onPin("thermostat", "digital-out", 17).withRole("thermostat"), pi4j);
        heating.start(events);

        assertThat(heating.command(cmd("{\"setpoint\":21.5}")).accepted()).isTrue();
        assertThat(heating.command(cmd("{\"state\":\"ON\",\"setpoint\":19}")).accepted()).isTrue();

        assertThat(pin("thermostat")).isEqualTo(DigitalState.HIGH);
        assertThat(events.states()).containsExactly(Map.of("state", "OFF", "setpoint", 20.0),
                Map.of("state", "OFF", "setpoint", 21.5), Map.of("state", "ON", "setpoint", 19.0));
    }

    @Test
    void aSetPointOffTheHalfDegreeStepsOrOutOfRangeChangesNothing() throws Exception {
        DigitalOutputDevice heating = new DigitalOutputDevice(
                DeviceSpec.onPin("thermostat", "digital-out", 17).withRole("thermostat"), pi4j);
        heating.start(events);

        CommandOutcome offStep = heating.command(cmd("{\"setpoint\":21.3}"));
        CommandOutcome tooHot = heating.command(cmd("{\"state\":\"ON\",\"setpoint\":31}"));
        CommandOutcome text = heating.command(cmd("{\"setpoint\":\"21\"}"));

        assertThat(offStep).isEqualTo(CommandOutcome.rejected("setpoint",
                "must be a number from 5 to 30 in steps of 0.5, got 21.3"));
        assertThat(tooHot.field()).isEqualTo("setpoint");
        assertThat(text.field()).isEqualTo("setpoint");
        assertThat(pin("thermostat")).isEqualTo(DigitalState.LOW);
        assertThat(events.states()).containsExactly(Map.of("state", "OFF", "setpoint", 20.0));
    }

    @Test
    void aPlainSwitchTakesNoSetPoint() throws Exception {
        DigitalOutputDevice relay = new DigitalOutputDevice(DeviceSpec.onPin("fan", "digital-out", 5), pi4j);
        relay.start(events);

        assertThat(relay.command(cmd("{\"setpoint\":21}")).field()).isEqualTo("setpoint");
        assertThat(events.states()).containsExactly(Map.of("state", "OFF"));
    }

    @Test
    void toggleFlipsASwitch() throws Exception {
        DigitalOutputDevice relay = new DigitalOutputDevice(DeviceSpec.onPin("fan", "digital-out", 5), pi4j);
        relay.start(events);

        relay.command(cmd("{\"state\":\"toggle\"}"));

        assertThat(pin("fan")).isEqualTo(DigitalState.HIGH);
    }

    @Test
    void brightnessSetsTheDutyCycleAndTurnsTheLightOn() throws Exception {
        PwmDevice light = new PwmDevice(DeviceSpec.onPin("smart-lights", "pwm", 18), pi4j);
        light.start(events);
        assertThat(light.dutyCycle()).isZero();

        assertThat(light.command(cmd("{\"brightness\":40}")).accepted()).isTrue();

        assertThat(light.dutyCycle()).isEqualTo(40f);
        assertThat(events.states()).last().isEqualTo(Map.of("state", "ON", "brightness", 40));
    }

    @Test
    void pwmRunsAtTheConfiguredFrequency() {
        PwmDevice light = new PwmDevice(DeviceSpec.onPin("lamp", "pwm", 18).withFrequency(200), pi4j);
        light.start(events);

        assertThat(pi4j.registry().<com.pi4j.io.pwm.Pwm>get("lamp").config().frequency()).isEqualTo(200);
    }

    @Test
    void offKeepsTheBrightnessForTheNextOn() throws Exception {
        PwmDevice light = new PwmDevice(DeviceSpec.onPin("lamp", "pwm", 18), pi4j);
        light.start(events);
        light.command(cmd("{\"brightness\":40}"));

        light.command(cmd("{\"state\":\"OFF\"}"));
        assertThat(light.dutyCycle()).isZero();
        light.command(cmd("{\"state\":\"ON\"}"));

        assertThat(light.dutyCycle()).isEqualTo(40f);
    }

    @Test
    void brightnessOutOfRangeOrNotAWholeNumberChangesNothing() throws Exception {
        PwmDevice light = new PwmDevice(DeviceSpec.onPin("lamp", "pwm", 18), pi4j);
        light.start(events);

        assertThat(light.command(cmd("{\"brightness\":140}"))).isEqualTo(CommandOutcome.rejected("brightness",
                "must be a whole number from 0 to 100, got 140"));
        assertThat(light.command(cmd("{\"state\":\"ON\",\"brightness\":\"40\"}")).field()).isEqualTo("brightness");
        assertThat(light.command(cmd("{\"brightness\":40.5}")).accepted()).isFalse();

        assertThat(light.dutyCycle()).isZero();
        assertThat(events.states()).hasSize(1);
    }
}
