package dev.roost.devices.platform;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import com.pi4j.plugin.linuxfs.provider.pwm.LinuxFsPwmProvider;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;

/**
 * Builds the Pi4J context: exactly one provider per kind of I/O, chosen here and nowhere else, with
 * auto-detection off so a stray plugin on the class path cannot take over a pin.
 */
public final class Pi4jContexts {

    private Pi4jContexts() {
    }

    /** Pi4J's mock platform with only the mock providers: nothing touches /dev or /sys. */
    public static Context mock() {
        return Pi4J.newContextBuilder()
                .noAutoDetect()
                .disableShutdownHook()
                .add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(),
                        MockPwmProvider.newInstance(), MockI2CProvider.newInstance())
                .build();
    }

    /**
     * The real pins of a Raspberry Pi, through the kernel's interfaces only (no root needed, only the {@code gpio}
     * and {@code i2c} groups): GPIO through the gpiod character device, which is the only working path on a Pi 5,
     * and PWM and I2C through sysfs and /dev/i2c-N.
     */
    public static Context raspberryPi(PiModel model) {
        return Pi4J.newContextBuilder()
                .noAutoDetect()
                .disableShutdownHook() // the hub drives outputs to their safe state itself, then shuts Pi4J down
                .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance(),
                        LinuxFsPwmProvider.newInstance(model.pwmChip()), LinuxFsI2CProvider.newInstance())
                .build();
    }
}
