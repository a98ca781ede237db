package dev.roost.devices.discovered;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading discovery configs as Home Assistant does: abbreviations, the ~ base, device-based configs, mistakes. */
class ConfigReaderTest {

    private final ConfigReader reader = new ConfigReader(new ObjectMapper(), Abbreviations.homeAssistant());

    private ConfigReader.Read read(String topic, String payload) {
        return reader.read(DiscoveryTopic.parse("homeassistant", topic).orElseThrow(),
                payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void abbreviatedKeysAndTheTopicBaseAreExpanded() {
        Fixture.Message config = Fixture.load("homeassistant/abbreviated-light").messages().get(0);

        ConfigReader.Read read = read(config.topic(), config.payload());

        assertThat(read.problem()).isNull();
        EntityConfig light = read.entities().get(0);
        assertThat(light.component()).isEqualTo("light");
        assertThat(light.objectId()).isEqualTo("kitchen");
        assertThat(light.config().get("command_topic").asText()).isEqualTo("homeassistant/light/kitchen/set");
        assertThat(light.config().get("state_topic").asText()).isEqualTo("homeassistant/light/kitchen/state");
        assertThat(light.config().get("unique_id").asText()).isEqualTo("kitchen_light");
        assertThat(light.config().has("~")).isFalse();
    }

    @Test
    void deviceBasedConfigAnnouncesEachComponentWithTheSharedOptions() {
        ConfigReader.Read read = read("homeassistant/device/0AFFD2/config", """
                {"dev":{"ids":"0AFFD2","name":"Plug","mf":"Bla electronics","sa":"Kitchen"},
                 "o":{"name":"bla2mqtt","sw":"2.1"},
                 "cmps":{"plug":{"p":"switch","uniq_id":"0AFFD2_plug","cmd_t":"~/set"},
                         "power":{"p":"sensor","dev_cla":"power","unit_of_meas":"W","val_tpl":"{{ value_json.power }}",
                                  "uniq_id":"0AFFD2_power"},
                         "gone":{"p":"sensor"}},
                 "~":"plug/0AFFD2","stat_t":"~/state","avty_t":"~/availability"}""");

        assertThat(read.problem()).isNull();
        assertThat(read.entities()).extracting(EntityConfig::component).containsExactly("switch", "sensor");
        EntityConfig plug = read.entities().get(0);
        assertThat(plug.config().get("command_topic").asText()).isEqualTo("plug/0AFFD2/set");
        assertThat(plug.config().get("state_topic").asText()).isEqualTo("plug/0AFFD2/state");
        assertThat(plug.config().get("availability_topic").asText()).isEqualTo("plug/0AFFD2/availability");
        assertThat(plug.config().get("device").get("suggested_area").asText()).isEqualTo("Kitchen");
        assertThat(plug.discoveryId()).isEqualTo("switch 0AFFD2 plug");
    }

    @Test
    void mistakesAreNamed() {
        assertThat(read("homeassistant/sensor/garden/config", "{\"name\":\"Garden\"").problem()).startsWith("not JSON");
        assertThat(read("homeassistant/sensor/porch/config", "[{\"name\":\"Porch\"}]").problem())
                .isEqualTo("a config must be a JSON object, not an array");
        assertThat(read("homeassistant/device/x/config", "{\"cmps\":{}}").problem())
                .isEqualTo("a device config needs a 'device' object");
    }

    @Test
    void anEmptyConfigAnnouncesNothing() {
        ConfigReader.Read read = read("homeassistant/sensor/0x0017880104e45522/temperature/config", "");
        assertThat(read.problem()).isNull();
        assertThat(read.entities()).isEmpty();
    }
}
