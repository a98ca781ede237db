package dev.roost.devices.config;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The checks of the options that tune one device type: an option given to a type it does not apply to is
 * an error (it would otherwise be silently ignored), and every value must lie in its range.
 *
 * <p>Stateless.
 */
final class OptionRules {

    /** A DS18B20's 1-wire id: family code 28, then 12 hex digits, as the kernel names its folder. */
    private static final Pattern W1_ID = Pattern.compile("28-[0-9a-f]{12}");
    /** A BME280 answers on 0x76 (SDO to ground) or 0x77 (SDO to VDDIO), nothing else. */
    private static final Set<String> BME280_ADDRESSES = Set.of("0x76", "0x77");
    /** The header pins the Pi's PWM hardware can drive, on every model since the B+. */
    private static final Set<Integer> HARDWARE_PWM_GPIOS = Set.of(12, 13, 18, 19);
    static final int MAX_DEBOUNCE_MS = 10_000;
    static final int MAX_FREQUENCY = 100_000;
    static final int MAX_POLL_SECONDS = 86_400;
    static final int MAX_I2C_BUS = 22;

    private OptionRules() {
    }

    static void check(DeviceSpec d, DeviceType type, Consumer<FieldProblem> report) {
        only(d.bus() != null, "bus", type, Set.of(DeviceType.BME280), report);
        only(d.role() != null, "role", type, Set.of(DeviceType.DIGITAL_IN, DeviceType.DIGITAL_OUT), report);
        only(d.pull() != null, "pull", type, Set.of(DeviceType.DIGITAL_IN), report);
        only(d.inverted() != null, "inverted", type, Set.of(DeviceType.DIGITAL_IN, DeviceType.DIGITAL_OUT), report);
        only(d.debounceMs() != null, "debounceMs", type, Set.of(DeviceType.DIGITAL_IN), report);
        only(d.initial() != null, "initial", type, Set.of(DeviceType.DIGITAL_OUT), report);
        only(d.safe() != null, "safe", type, Set.of(DeviceType.DIGITAL_OUT), report);
        only(d.frequency() != null, "frequency", type, Set.of(DeviceType.PWM), report);
        only(d.pollSeconds() != null, "pollSeconds", type, Set.of(DeviceType.DS18B20, DeviceType.BME280), report);
        only(d.minChange() != null, "minChange", type, Set.of(DeviceType.DS18B20, DeviceType.BME280), report);

        if (d.role() != null && !type.roles().isEmpty() && !type.roles().contains(d.role())) {
            report.accept(new FieldProblem("role", "'" + d.role() + "' is not one of " + type.roles()));
        }
        if (d.pull() != null && !List.of("up", "down", "off").contains(d.pull())) {
            report.accept(new FieldProblem("pull", "'" + d.pull() + "' is not one of [up, down, off]"));
        }
        range("debounceMs", d.debounceMs(), 0, MAX_DEBOUNCE_MS, report);
        range("frequency", d.frequency(), 1, MAX_FREQUENCY, report);
        range("pollSeconds", d.pollSeconds(), 1, MAX_POLL_SECONDS, report);
        range("bus", d.bus(), 0, MAX_I2C_BUS, report);
        if (d.minChange() != null && !(d.minChange() >= 0)) {
            report.accept(new FieldProblem("minChange", "must be 0 or more, got " + d.minChange()));
        }
        if (type == DeviceType.DIGITAL_OUT) {
            List<String> states = OutputStates.of(type.roleOf(d)).names();
            outputState("initial", d.initial(), states, report);
            outputState("safe", d.safe(), states, report);
        }
        if (type == DeviceType.PWM && d.pin() != null && d.pin() >= DeviceConfigValidator.MIN_GPIO
                && d.pin() <= DeviceConfigValidator.MAX_GPIO && !HARDWARE_PWM_GPIOS.contains(d.pin())) {
            report.accept(new FieldProblem("pin", "GPIO " + d.pin() + " has no hardware PWM; use 12, 13, 18 or 19"));
        }
        checkAddress(d, type, report);
    }

    private static void checkAddress(DeviceSpec d, DeviceType type, Consumer<FieldProblem> report) {
        String address = d.address();
        if (type.wiring() == DeviceType.Wiring.GPIO_PIN) {
            if (address != null) {
                report.accept(new FieldProblem("address", "does not apply to a " + type.configName()
                        + " (it is wired by 'pin')"));
            }
            return;
        }
        if (d.pin() != null) {
            report.accept(new FieldProblem("pin", "does not apply to a " + type.configName()
                    + " (it is found on its bus by 'address')"));
        }
        if (address == null || address.isBlank()) {
            return; // reported as missing by the validator
        }
        if (type == DeviceType.DS18B20 && !W1_ID.matcher(address).matches()) {
            report.accept(new FieldProblem("address", "'" + address
                    + "' is not a DS18B20 1-wire id like 28-0316a2795cff (see /sys/bus/w1/devices)"));
        }
        if (type == DeviceType.BME280 && !BME280_ADDRESSES.contains(address.toLowerCase(Locale.ROOT))) {
            report.accept(new FieldProblem("address", "'" + address + "' is not a BME280 address (0x76 or 0x77)"));
        }
    }

    private static void only(boolean present, String field, DeviceType type, Set<DeviceType> appliesTo,
                             Consumer<FieldProblem> report) {
        if (present && !appliesTo.contains(type)) {
            report.accept(new FieldProblem(field, "does not apply to a " + type.configName()));
        }
    }

    private static void range(String field, Integer value, int min, int max, Consumer<FieldProblem> report) {
        if (value != null && (value < min || value > max)) {
            report.accept(new FieldProblem(field, "must be between " + min + " and " + max + ", got " + value));
        }
    }

    private static void outputState(String field, String value, List<String> states, Consumer<FieldProblem> report) {
        if (value != null && !states.contains(value.toUpperCase(Locale.ROOT))) {
            report.accept(new FieldProblem(field, "'" + value + "' is not one of " + states));
        }
    }

    /** One problem with one field of the declaration being checked. */
    record FieldProblem(String field, String reason) {
    }
}
