package dev.roost.devices.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PiDetectorTest {

    @TempDir
    Path dir;

    private Path model(String text) throws Exception {
        return Files.writeString(dir.resolve("model"), text);
    }

    @Test
    void pi5IsDetectedFromTheNulTerminatedDeviceTreeString() throws Exception {
        Path file = model("Raspberry Pi 5 Model B Rev 1.0\u0000");

        assertThat(new PiDetector(List.of(file)).detect()).hasValueSatisfying(pi -> {
            assertThat(pi.generation()).isEqualTo(5);
            assertThat(pi.isPi5OrLater()).isTrue();
            assertThat(pi.description()).isEqualTo("Raspberry Pi 5 Model B Rev 1.0");
        });
    }

    @Test
    void pi4IsNotTreatedAsAPi5() throws Exception {
        Path file = model("Raspberry Pi 4 Model B Rev 1.4\u0000");

        assertThat(new PiDetector(List.of(file)).detect()).hasValueSatisfying(
                pi -> assertThat(pi.isPi5OrLater()).isFalse());
    }

    @Test
    void pi500AndComputeModule5CountAsPi5() {
        assertThat(PiModel.parse("Raspberry Pi 500 Rev 1.0")).hasValueSatisfying(
                pi -> assertThat(pi.isPi5OrLater()).isTrue());
        assertThat(PiModel.parse("Raspberry Pi Compute Module 5 Rev 1.0")).hasValueSatisfying(
                pi -> assertThat(pi.isPi5OrLater()).isTrue());
        assertThat(PiModel.parse("Raspberry Pi Zero 2 W Rev 1.0")).hasValueSatisfying(
                pi -> assertThat(pi.generation()).isZero());
    }

    @Test
    void pwmChipAndChannelsFollowTheModel() {
        PiModel pi5 = new PiModel("Raspberry Pi 5 Model B Rev 1.0", 5);
        PiModel pi4 = new PiModel("Raspberry Pi 4 Model B Rev 1.4", 4);

        assertThat(pi5.pwmChip()).isEqualTo(2);
        assertThat(List.of(12, 13, 18, 19)).map(pi5::pwmChannel).containsExactly(0, 1, 2, 3);
        assertThat(pi4.pwmChip()).isZero();
        assertThat(List.of(12, 13, 18, 19)).map(pi4::pwmChannel).containsExactly(0, 1, 0, 1);
    }

    @Test
    void otherBoardsAreNotAPi() throws Exception {
        Path file = model("Hardkernel ODROID-C4\u0000");

        assertThat(new PiDetector(List.of(file)).detect()).isEmpty();
    }

    @Test
    void missingOrUnreadableModelFilesMeanNoPiWithoutThrowing() {
        List<Path> files = List.of(dir.resolve("absent"), dir); // a folder cannot be read as a file

        assertThat(new PiDetector(files).detect()).isEmpty();
    }

    @Test
    void noPiSelectsTheSimulatedMockPlatform() {
        try (DevicePlatform platform = DevicePlatform.select(false, new PiDetector(List.of(dir.resolve("absent"))))) {
            assertThat(platform.simulated()).isTrue();
            assertThat(platform.description()).contains("no Raspberry Pi detected");
            Object pin = platform.context().create(com.pi4j.io.gpio.digital.DigitalOutput
                    .newConfigBuilder(platform.context()).id("probe").address(4));
            assertThat(pin).isInstanceOf(com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput.class);
        }
    }

    @Test
    void simulateOnAPiStillSelectsTheMockPlatform() throws Exception {
        Path file = model("Raspberry Pi 5 Model B Rev 1.0\u0000");

        try (DevicePlatform platform = DevicePlatform.select(true, new PiDetector(List.of(file)))) {
            assertThat(platform.simulated()).isTrue();
            assertThat(platform.description()).isEqualTo("simulated (--simulate) on Raspberry Pi 5 Model B Rev 1.0");
        }
    }
}
