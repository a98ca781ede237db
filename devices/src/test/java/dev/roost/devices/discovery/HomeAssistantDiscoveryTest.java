package dev.roost.devices.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roost.devices.config.DeviceSpec;
import dev.roost.devices.config.DeviceType;
import dev.roost.devices.topic.DeviceTopics;
import java.util.List;
import org.junit.jupiter.api.Test;

class HomeAssistantDiscoveryTest {

    private final ObjectMapper json = new ObjectMapper();
    private final HomeAssistantDiscovery discovery = new HomeAssistantDiscovery("homeassistant", new DeviceTopics());

    private JsonNode only(List<DiscoveryMessage> messages) throws Exception {
        assertThat(messages).hasSize(1);
        return json.readTree(messages.get(0).json());
    }

    @Test
    void lockIsAnnouncedWithItsCommandPayloadsAndStateWords() throws Exception {
        List<DiscoveryMessage> messages = discovery.messagesFor(
                DeviceSpec.onPin("smart-lock", "digital-out", 27).withRole("lock"), DeviceType.DIGITAL_OUT);

        assertThat(messages.get(0).topic()).isEqualTo("homeassistant/lock/roost/smart-lock/config");
        JsonNode config = only(messages);
        assertThat(config.get("command_topic").asText()).isEqualTo("home/smart-lock/set");
        assertThat(config.get("state_topic").asText()).isEqualTo("home/smart-lock");
        assertThat(config.get("availability_topic").asText()).isEqualTo("home/smart-lock/availability");
        assertThat(config.get("payload_unlock").asText()).isEqualTo("{\"state\":\"UNLOCK\"}");
        assertThat(config.get("state_locked").asText()).isEqualTo("LOCKED");
        assertThat(config.get("unique_id").asText()).isEqualTo("roost_smart_lock");
    }

    @Test
    void pwmIsAJsonSchemaLightWithBrightnessInPercent() throws Exception {
        JsonNode config = only(discovery.messagesFor(DeviceSpec.onPin("smart-lights", "pwm", 18), DeviceType.PWM));

        assertThat(config.get("schema").asText()).isEqualTo("json");
        assertThat(config.get("brightness_scale").asInt()).isEqualTo(100);
    }

    @Test
    void bme280IsAnnouncedAsThreeSensorsUnderAConfiguredPrefix() {
        HomeAssistantDiscovery custom = new HomeAssistantDiscovery("ha", new DeviceTopics("site/home"));

        List<DiscoveryMessage> messages = custom.messagesFor(DeviceSpec.onBus("climate", "bme280", "0x76"),
                DeviceType.BME280);

        assertThat(messages).extracting(DiscoveryMessage::topic).containsExactly(
                "ha/sensor/roost/climate_temperature/config",
                "ha/sensor/roost/climate_humidity/config",
                "ha/sensor/roost/climate_pressure/config");
        assertThat(messages.get(2).json()).contains("\"state_topic\":\"site/home/climate\"")
                .contains("{{ value_json.pressure }}").contains("hPa");
    }

    @Test
    void contactAndMotionInputsGetTheirDeviceClass() throws Exception {
        JsonNode door = only(discovery.messagesFor(
                DeviceSpec.onPin("front-door", "digital-in", 22).withRole("contact"), DeviceType.DIGITAL_IN));
        JsonNode motion = only(discovery.messagesFor(
                DeviceSpec.onPin("motion", "digital-in", 23).withRole("motion"), DeviceType.DIGITAL_IN));

        assertThat(door.get("device_class").asText()).isEqualTo("door");
        assertThat(motion.get("device_class").asText()).isEqualTo("motion");
    }

    @Test
    void prefixWithAWildcardIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HomeAssistantDiscovery("ha/#", new DeviceTopics()));
    }
}
