package dev.roost.devices.sim;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import dev.roost.devices.device.Device;
import dev.roost.devices.driver.DigitalInputDevice;

import java.util.List;
import java.util.Optional;

/**
 * Drives the inputs of simulated devices (a door opening, motion in the hallway) by setting the level of their
 * mock pins, so the change travels the same path as on a Pi: pin, debounce, state message. Used by tests and,
 * later, by the web UI.
 */
public final class SimulatedInputs {

    private final List<Device> devices;

    public SimulatedInputs(List<Device> devices) {
        this.devices = List.copyOf(devices);
    }

    /**
     * Makes the input logically active or not (its inversion applied).
     *
     * @return false when there is no such input or it does not run on the mock platform
     */
    public boolean set(String deviceId, boolean active) {
        Optional<DigitalInputDevice> device = devices.stream()
                .filter(d -> d.id().equals(deviceId) && d instanceof DigitalInputDevice)
                .map(DigitalInputDevice.class::cast).findFirst();
        if (device.isEmpty()) {
            return false;
        }
        DigitalInput input = device.get().input();
        if (!(input instanceof MockDigitalInput mock)) {
            return false;
        }
        DigitalState high = DigitalState.HIGH;
        mock.mockState(device.get().isActive(high) == active ? high : DigitalState.LOW);
        return true;
    }
}
