package dev.roost.devices.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceConfigValidatorTest {

    private final DeviceConfigValidator validator = new DeviceConfigValidator();

    @Test
    void demoConfigurationIsValid() {
        List<DeviceSpec> devices = List.of(
                DeviceSpec.onBus("temperature", "ds18b20", "28-0316a2795cff"),
                DeviceSpec.onBus("climate", "bme280", "0x76"),
                DeviceSpec.onPin("thermostat", "digital-out", 17),
                DeviceSpec.onPin("smart-lock", "digital-out", 27),
                DeviceSpec.onPin("smart-lights", "pwm", 18),
                DeviceSpec.onPin("door-sensor", "digital-in", 0));

        assertThat(validator.validate(devices)).isEmpty();
    }

    @Test
    void idWithCharactersOutsideTheSafeAlphabetIsRejected() {
        List<DeviceConfigError> errors = validator.validate(List.of(DeviceSpec.onPin("Smart_Lights", "pwm", 18)));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.deviceId()).isEqualTo("Smart_Lights");
            assertThat(error.field()).isEqualTo("id");
        });
    }

    @Test
    void missingIdIsRejected() {
        assertThat(validator.validate(List.of(DeviceSpec.onPin("", "pwm", 18))))
                .extracting(DeviceConfigError::field, DeviceConfigError::reason)
                .containsExactly(tuple("id", "is required"));
    }

    @Test
    void duplicateIdIsRejectedOnTheSecondDeclaration() {
        List<DeviceConfigError> errors = validator.validate(List.of(
                DeviceSpec.onPin("lamp", "digital-out", 5),
                DeviceSpec.onPin("lamp", "digital-out", 6)));

        assertThat(errors).containsExactly(new DeviceConfigError(1, "lamp", "id", "is declared more than once"));
    }

    @Test
    void pinsOutsideTheHeaderRangeAreRejected() {
        List<DeviceConfigError> errors = validator.validate(List.of(
                DeviceSpec.onPin("too-low", "digital-in", -1),
                DeviceSpec.onPin("too-high", "digital-in", 28),
                DeviceSpec.onPin("highest", "digital-in", 27)));

        assertThat(errors).extracting(DeviceConfigError::deviceId, DeviceConfigError::field)
                .containsExactly(
                        tuple("too-low", "pin"),
                        tuple("too-high", "pin"));
    }

    @Test
    void pinUsedTwiceIsRejectedNamingTheFirstOwner() {
        List<DeviceConfigError> errors = validator.validate(List.of(
                DeviceSpec.onPin("button", "digital-in", 22),
                DeviceSpec.onPin("relay", "digital-out", 22)));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.deviceId()).isEqualTo("relay");
            assertThat(error.field()).isEqualTo("pin");
            assertThat(error.reason()).contains("GPIO 22").contains("'button'");
        });
    }

    @Test
    void unknownTypeIsRejectedListingTheKnownTypes() {
        List<DeviceConfigError> errors = validator.validate(List.of(DeviceSpec.onPin("fan", "servo", 12)));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.deviceId()).isEqualTo("fan");
            assertThat(error.field()).isEqualTo("type");
            assertThat(error.reason()).contains("'servo'").contains("digital-in", "digital-out", "pwm", "ds18b20", "bme280");
        });
    }

    @Test
    void pinDeviceWithoutPinAndSensorWithoutAddressAreRejected() {
        List<DeviceConfigError> errors = validator.validate(List.of(
                new DeviceSpec("relay", "digital-out", null, null),
                new DeviceSpec("outside", "ds18b20", null, " ")));

        assertThat(errors).extracting(DeviceConfigError::deviceId, DeviceConfigError::field)
                .containsExactly(
                        tuple("relay", "pin"),
                        tuple("outside", "address"));
    }

    @Test
    void optionThatDoesNotApplyToTheTypeIsRejected() {
        List<DeviceConfigError> errors = validator.validate(List.of(
                DeviceSpec.onPin("lamp", "pwm", 18).withInput("up", null, 20)));

        assertThat(errors).extracting(DeviceConfigError::field, DeviceConfigError::reason)
                .containsExactly(
                        tuple("pull", "does not apply to a pwm"),
                        tuple("debounceMs", "does not apply to a pwm"));
    }

    @Test
    void optionValuesOutsideTheirRangeAreRejected() {
        List<DeviceConfigError> errors = validator.validate(List.of(
                DeviceSpec.onPin("button", "digital-in", 5).withInput("sideways", null, 60_000),
                DeviceSpec.onPin("lamp", "pwm", 18).withFrequency(0),
                DeviceSpec.onBus("outside", "ds18b20", "28-0316a2795cff").withPolling(0, -1.0)));

        assertThat(errors).extracting(DeviceConfigError::deviceId, DeviceConfigError::field)
                .containsExactly(
                        tuple("button", "pull"),
                        tuple("button", "debounceMs"),
                        tuple("lamp", "frequency"),
                        tuple("outside", "pollSeconds"),
                        tuple("outside", "minChange"));
    }

    @Test
    void outputStatesUseTheWordsOfTheRole() {
        List<DeviceConfigError> errors = validator.validate(List.of(
                DeviceSpec.onPin("door-lock", "digital-out", 27).withRole("lock").withStates("LOCKED", "locked"),
                DeviceSpec.onPin("heating", "digital-out", 17).withStates("ON", "LOCKED")));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.deviceId()).isEqualTo("heating");
            assertThat(error.field()).isEqualTo("safe");
            assertThat(error.reason()).isEqualTo("'LOCKED' is not one of [ON, OFF]");
        });
    }

    @Test
    void unknownRoleIsRejectedListingTheRolesOfTheType() {
        assertThat(validator.validate(List.of(DeviceSpec.onPin("x", "digital-out", 4).withRole("motion"))))
                .extracting(DeviceConfigError::field, DeviceConfigError::reason)
                .containsExactly(tuple("role", "'motion' is not one of [switch, lock, thermostat]"));
    }

    @Test
    void sensorAddressesMustHaveTheirBusFormat() {
        List<DeviceConfigError> errors = validator.validate(List.of(
                DeviceSpec.onBus("outside", "ds18b20", "0x76"),
                DeviceSpec.onBus("climate", "bme280", "0x40")));

        assertThat(errors).extracting(DeviceConfigError::deviceId, DeviceConfigError::field)
                .containsExactly(tuple("outside", "address"), tuple("climate", "address"));
    }

    @Test
    void describeNamesPositionDeviceFieldAndReason() {
        DeviceConfigError error = validator.validate(List.of(
                DeviceSpec.onPin("button", "digital-in", 22),
                DeviceSpec.onPin("relay", "digital-out", 22))).get(0);

        assertThat(error.describe()).isEqualTo("devices[1] (relay).pin: GPIO 22 is already used by 'button'");
    }

    @Test
    void pwmOnAPinWithoutHardwarePwmIsRejected() {
        assertThat(validator.validate(List.of(DeviceSpec.onPin("lamp", "pwm", 17))))
                .extracting(DeviceConfigError::field, DeviceConfigError::reason)
                .containsExactly(tuple("pin", "GPIO 17 has no hardware PWM; use 12, 13, 18 or 19"));
    }

    @Test
    void everyErrorIsReportedInOnePass() {
        List<DeviceConfigError> errors = validator.validate(List.of(
                DeviceSpec.onPin("a", "digital-out", 40),
                DeviceSpec.onPin("B", "digital-out", 4),
                DeviceSpec.onPin("c", "laser", 4)));

        assertThat(errors).extracting(DeviceConfigError::field).containsExactly("pin", "id", "type");
    }
}
