package dev.roost.devices.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DeviceTopicsTest {

    @Test
    void defaultBaseGivesTheContractTopics() {
        DeviceTopics topics = new DeviceTopics();

        assertThat(topics.state("smart-lights")).isEqualTo("home/smart-lights");
        assertThat(topics.command("smart-lights")).isEqualTo("home/smart-lights/set");
        assertThat(topics.availability("smart-lights")).isEqualTo("home/smart-lights/availability");
        assertThat(topics.error("smart-lights")).isEqualTo("home/smart-lights/error");
    }

    @Test
    void configuredBaseMayHaveSeveralLevels() {
        DeviceTopics topics = new DeviceTopics("cabin/ground-floor");

        assertThat(topics.command("smart-lock")).isEqualTo("cabin/ground-floor/smart-lock/set");
        assertThat(topics.allCommandsFilter()).isEqualTo("cabin/ground-floor/+/set");
    }

    @Test
    void commandTopicIsMappedBackToItsDevice() {
        DeviceTopics topics = new DeviceTopics();

        assertThat(topics.deviceOfCommand("home/thermostat/set")).contains("thermostat");
        assertThat(topics.deviceOfCommand("home/thermostat")).isEmpty();
        assertThat(topics.deviceOfCommand("home/thermostat/availability")).isEmpty();
        assertThat(topics.deviceOfCommand("home/a/b/set")).isEmpty();
        assertThat(topics.deviceOfCommand("garden/thermostat/set")).isEmpty();
        assertThat(topics.deviceOfCommand("home//set")).isEmpty();
    }

    @Test
    void baseWithWildcardOrEdgeSlashIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DeviceTopics("home/#"));
        assertThatIllegalArgumentException().isThrownBy(() -> new DeviceTopics("+"));
        assertThatIllegalArgumentException().isThrownBy(() -> new DeviceTopics("home/"));
        assertThatIllegalArgumentException().isThrownBy(() -> new DeviceTopics("/home"));
        assertThatIllegalArgumentException().isThrownBy(() -> new DeviceTopics(""));
    }

    @Test
    void deviceIdThatWouldSpanSeveralLevelsIsRejected() {
        DeviceTopics topics = new DeviceTopics();

        assertThatIllegalArgumentException().isThrownBy(() -> topics.state("lights/kitchen"));
        assertThatIllegalArgumentException().isThrownBy(() -> topics.command("#"));
    }
}
