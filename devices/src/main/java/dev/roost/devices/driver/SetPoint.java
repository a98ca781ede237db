package dev.roost.devices.driver;

import dev.roost.devices.command.CommandReader;

import java.util.OptionalDouble;

/**
 * A thermostat's wanted temperature in °C: starts at {@link #INITIAL}, changed by {@code {"setpoint": 21.5}} in half
 * degrees from {@link #MIN} to {@link #MAX}, and reported in the device's state for dashboards and rules
 * ({@code state['home/thermostat'].setpoint}). The relay itself is still switched by commands or rules.
 *
 * <p>Not thread-safe: guarded by the lock of the device that holds it.
 */
final class SetPoint {

    static final String FIELD = "setpoint";
    static final double MIN = 5;
    static final double MAX = 30;
    static final double STEP = 0.5;
    static final double INITIAL = 20;

    private double celsius = INITIAL;

    /** The set point a command asks for, empty when none; a bad value is thrown as {@link CommandReader.Invalid}. */
    static OptionalDouble requested(CommandReader command) {
        return command.decimal(FIELD, MIN, MAX, STEP);
    }

    double celsius() {
        return celsius;
    }

    void set(double wanted) {
        celsius = wanted;
    }
}
