package dev.roost.devices.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DailyTemperatureTest {

    private static double at(String time, double noise) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T" + time + "Z"), ZoneOffset.UTC);
        return new DailyTemperature(clock, new SplittableRandom(7), 20.5, 1.5, noise).now();
    }

    @Test
    void warmestInTheAfternoonAndCoolestBeforeDawn() {
        assertThat(at("15:00:00", 0)).isEqualTo(22.0);
        assertThat(at("03:00:00", 0)).isEqualTo(19.0);
        assertThat(at("09:00:00", 0)).isEqualTo(20.5);
    }

    @Test
    void readingsMoveInSixteenthsOfADegreeAndNoiseStaysSmall() {
        for (int minute = 0; minute < 60; minute++) {
            double reading = at(String.format("12:%02d:00", minute), 0.05);
            assertThat(reading * 16).isEqualTo(Math.rint(reading * 16));
            assertThat(reading).isBetween(20.5, 22.5);
        }
    }

    @Test
    void demoDevicesHaveTheContractIdsAndAreValid() {
        assertThat(DemoDevices.specs()).extracting(dev.roost.devices.config.DeviceSpec::id).containsExactly(
                "temperature", "thermostat", "smart-lock", "smart-lights", "front-door", "motion");
        assertThat(new dev.roost.devices.config.DeviceConfigValidator().validate(DemoDevices.specs())).isEmpty();
    }
}
