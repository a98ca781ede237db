package dev.roost.devices.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One device as declared in the configuration file, before validation.
 *
 * <p>Fields hold what the user wrote, so that {@link DeviceConfigValidator} can explain every mistake; every
 * field but {@code id} and {@code type} is optional and null when absent. {@code type} is the configuration
 * name (e.g. {@code digital-out}), {@code pin} is the GPIO (BCM) number of a pin-wired device, {@code address}
 * is the bus address of a sensor (a 1-wire id such as {@code 28-0316a2795cff}, or an I2C address such as
 * {@code 0x76}). The others tune one type each; the validator rejects an option given to a type it does not
 * apply to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceSpec(String id, String type, String name, Integer pin, String address, Integer bus,
                         String role, String pull, Boolean inverted, Integer debounceMs, String initial,
                         String safe, Integer frequency, Integer pollSeconds, Double minChange) {

    @JsonCreator
    public DeviceSpec(@JsonProperty("id") String id, @JsonProperty("type") String type,
                      @JsonProperty("name") String name, @JsonProperty("pin") Integer pin,
                      @JsonProperty("address") String address, @JsonProperty("bus") Integer bus,
                      @JsonProperty("role") String role, @JsonProperty("pull") String pull,
                      @JsonProperty("inverted") Boolean inverted, @JsonProperty("debounceMs") Integer debounceMs,
                      @JsonProperty("initial") String initial, @JsonProperty("safe") String safe,
                      @JsonProperty("frequency") Integer frequency, @JsonProperty("pollSeconds") Integer pollSeconds,
                      @JsonProperty("minChange") Double minChange) {
        this.id = id;
        this.type = type;
        this.name = name;
        this.pin = pin;
        this.address = address;
        this.bus = bus;
        this.role = role;
        this.pull = pull;
        this.inverted = inverted;
        this.debounceMs = debounceMs;
        this.initial = initial;
        this.safe = safe;
        this.frequency = frequency;
        this.pollSeconds = pollSeconds;
        this.minChange = minChange;
    }

    /** A declaration with only the wiring fields; every option takes its default. */
    public DeviceSpec(String id, String type, Integer pin, String address) {
        this(id, type, null, pin, address, null, null, null, null, null, null, null, null, null, null);
    }

    /** A device wired to one GPIO pin: digital-in, digital-out or pwm. */
    public static DeviceSpec onPin(String id, String type, int pin) {
        return new DeviceSpec(id, type, pin, null);
    }

    /** A sensor on a shared bus: ds18b20 (1-wire) or bme280 (I2C). */
    public static DeviceSpec onBus(String id, String type, String address) {
        return new DeviceSpec(id, type, null, address);
    }

    /** The same declaration with a role ({@code lock}, {@code contact}, {@code motion}...). */
    public DeviceSpec withRole(String newRole) {
        return new DeviceSpec(id, type, name, pin, address, bus, newRole, pull, inverted, debounceMs, initial, safe,
                frequency, pollSeconds, minChange);
    }

    /** The same declaration with a pull resistor and debounce time, for inputs. */
    public DeviceSpec withInput(String newPull, Boolean newInverted, Integer newDebounceMs) {
        return new DeviceSpec(id, type, name, pin, address, bus, role, newPull, newInverted, newDebounceMs, initial,
                safe, frequency, pollSeconds, minChange);
    }

    /** The same declaration with an initial and a safe state, for outputs. */
    public DeviceSpec withStates(String newInitial, String newSafe) {
        return new DeviceSpec(id, type, name, pin, address, bus, role, pull, inverted, debounceMs, newInitial,
                newSafe, frequency, pollSeconds, minChange);
    }

    /** The same declaration with a poll interval and minimum change, for sensors. */
    public DeviceSpec withPolling(Integer newPollSeconds, Double newMinChange) {
        return new DeviceSpec(id, type, name, pin, address, bus, role, pull, inverted, debounceMs, initial, safe,
                frequency, newPollSeconds, newMinChange);
    }

    /** The same declaration with a PWM frequency. */
    public DeviceSpec withFrequency(Integer newFrequency) {
        return new DeviceSpec(id, type, name, pin, address, bus, role, pull, inverted, debounceMs, initial, safe,
                newFrequency, pollSeconds, minChange);
    }

    /** The name shown in dashboards: the configured one, or the id. */
    public String displayName() {
        return name != null && !name.isBlank() ? name : id;
    }
}
