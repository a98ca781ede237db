package dev.roost.devices.discovered.template;

import static dev.roost.devices.discovered.template.Renders.render;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Templates exactly as Zigbee2MQTT (lib/extension/homeassistant.ts) and Tasmota
 * (tasmota_xdrv_driver/xdrv_12_home_assistant.ino) publish them in their Home Assistant discovery configs,
 * rendered against the payloads those devices send. ESPHome publishes no templates: its discovery configs
 * point at plain state topics, and its lights use the JSON schema.
 */
class DiscoveryTemplatesTest {

    private static final String Z2M_THERMOSTAT = "{\"local_temperature\":20.5,\"current_heating_setpoint\":21,"
            + "\"running_state\":\"heat\",\"system_mode\":\"heat\",\"battery\":97,\"linkquality\":120}";

    @Test
    void zigbee2mqttSensorReadsItsPropertyBySubscript() throws Exception {
        assertThat(render("{{ value_json[\"temperature\"] }}", "{\"temperature\":21.4,\"humidity\":48.21}"))
                .isEqualTo("21.4");
    }

    @Test
    void zigbee2mqttSensorReadsItsPropertyByAttribute() throws Exception {
        assertThat(render("{{ value_json.temperature }}", "{\"temperature\":19,\"battery\":100}")).isEqualTo("19");
    }

    @Test
    void zigbee2mqttActionTemplateMapsRunningStateThroughADict() throws Exception {
        String template = "{% set values = {None:None,'idle':'idle','heat':'heating','cool':'cooling','fan_only':'fan'}"
                + " %}{{ values[value_json[\"running_state\"]] }}";
        assertThat(render(template, Z2M_THERMOSTAT)).isEqualTo("heating");
    }

    @Test
    void zigbee2mqttActionTemplateOfANullRunningStateRendersNone() throws Exception {
        String template = "{% set values = {None:None,'idle':'idle','heat':'heating','cool':'cooling',"
                + "'fan_only':'fan'} %}{{ values[value_json.running_state] }}";
        assertThat(render(template, "{\"running_state\":null}")).isEqualTo("None");
    }

    @Test
    void zigbee2mqttCoverStateFromMotorAndPosition() throws Exception {
        String template = "{% if \"running\" in value_json and value_json[\"running\"] %} {% if value_json[\"position\"]"
                + " > 0 %} closing {% else %} opening {% endif %} {% else %} stopped {% endif %}";
        assertThat(render(template, "{\"running\":true,\"position\":40}").strip()).isEqualTo("closing");
        assertThat(render(template, "{\"position\":40}").strip()).isEqualTo("stopped");
    }

    @Test
    void zigbee2mqttFanPercentageFromModeWithDefault() throws Exception {
        String template = "{{ {'off':0, 'low':1, 'medium':2, 'high':3}[value_json[\"fan_mode\"]] | default('None') }}";
        assertThat(render(template, "{\"fan_mode\":\"medium\"}")).isEqualTo("2");
        assertThat(render(template, "{\"fan_mode\":\"smart\"}")).isEqualTo("None");
    }

    @Test
    void zigbee2mqttFanPresetFromModeInList() throws Exception {
        String template = "{{ value_json[\"fan_mode\"] if value_json[\"fan_mode\"] in ['on', 'auto', 'smart'] else "
                + "'None' | default('None') }}";
        assertThat(render(template, "{\"fan_mode\":\"auto\"}")).isEqualTo("auto");
        assertThat(render(template, "{\"fan_mode\":\"low\"}")).isEqualTo("None");
    }

    @Test
    void zigbee2mqttFanCommandTemplateMapsThePercentageBack() throws Exception {
        String template = "{{ {0:'off', 1:'low', 2:'medium', 3:'high'}[value] | default('') }}";
        assertThat(Template.compile(template).render(java.util.Map.of("value", 2))).isEqualTo("medium");
    }

    @Test
    void zigbee2mqttTextSensorIsTruncatedTo254() throws Exception {
        String template = "{{ value_json[\"message\"] | default('',True) | string | truncate(254, True, '', 0) }}";
        assertThat(render(template, "{\"message\":\"" + "x".repeat(300) + "\"}")).hasSize(254);
        assertThat(render(template, "{\"message\":null}")).isEmpty();
    }

    @Test
    void zigbee2mqttUpdateEntityBuildsJsonFromThePayload() throws Exception {
        String template = "{\"latest_version\":\"{{ value_json['update']['latest_version'] }}\",\"installed_version\":"
                + "\"{{ value_json['update']['installed_version'] }}\",\"update_percentage\":"
                + "{{ value_json['update'].get('progress', 'null') }},\"in_progress\":"
                + "{{ (value_json['update']['state'] == 'updating')|lower }}}";
        String payload = "{\"update\":{\"state\":\"updating\",\"installed_version\":16777241,"
                + "\"latest_version\":16777242,\"progress\":42.5}}";
        assertThat(render(template, payload)).isEqualTo("{\"latest_version\":\"16777242\",\"installed_version\":"
                + "\"16777241\",\"update_percentage\":42.5,\"in_progress\":true}");
        assertThat(render(template, "{\"update\":{\"state\":\"idle\",\"installed_version\":1,\"latest_version\":1}}"))
                .endsWith("\"update_percentage\":null,\"in_progress\":false}");
    }

    @Test
    void zigbee2mqttBridgeTemplates() throws Exception {
        assertThat(render("{{ value_json.log_level | lower }}", "{\"log_level\":\"INFO\"}")).isEqualTo("info");
        assertThat(render("{{ value_json.permit_join | lower }}", "{\"permit_join\":false}")).isEqualTo("false");
        assertThat(render("{{ value_json.coordinator.meta.revision }}", "{\"coordinator\":{\"meta\":{\"revision\":20230507}}}"))
                .isEqualTo("20230507");
        assertThat(render("{{ value_json.data.value | tojson }}", "{\"data\":{\"value\":{\"b\":1,\"a\":\"x\"}}}"))
                .isEqualTo("{\"a\": \"x\", \"b\": 1}");
        assertThat(render("{{ \"offline\" }}", "online")).isEqualTo("offline");
    }

    @Test
    void zigbee2mqttBinaryTemplateGivesJsonBooleans() throws Exception {
        String template = "{% if value_json[\"water_leak\"] %}true{% else %}false{% endif %}";
        assertThat(render(template, "{\"water_leak\":true}")).isEqualTo("true");
    }

    @Test
    void zigbee2mqttSirenVolumeLevels() throws Exception {
        String template = "{% if volume_level is defined %}{% if volume_level | float <= 0.25 %}low"
                + "{% elif volume_level | float <= 0.5 %}medium{% elif volume_level | float <= 0.75 %}high"
                + "{% else %}very_high{% endif %}{% else %}medium{% endif %}";
        assertThat(Template.compile(template).render(java.util.Map.of("volume_level", 0.6))).isEqualTo("high");
        assertThat(Template.compile(template).render(java.util.Map.of())).isEqualTo("medium");
    }

    @Test
    void zigbee2mqttSirenCommandTemplateWithDefaults() throws Exception {
        String template = "{\"warning\": {\"mode\": \"{{ tone | default('emergency') }}\", \"level\": \"{{ volume_level | "
                + "default('medium') }}\", \"duration\": {{ duration | default(10) }}}}";
        assertThat(Template.compile(template).render(java.util.Map.of("duration", 5)))
                .isEqualTo("{\"warning\": {\"mode\": \"emergency\", \"level\": \"medium\", \"duration\": 5}}");
    }

    @Test
    void tasmotaSensorReadsNestedFields() throws Exception {
        String payload = "{\"Time\":\"2026-12-08T04:00:00\",\"AM2301\":{\"Temperature\":21.4,\"Humidity\":48.2},"
                + "\"TempUnit\":\"C\"}";
        assertThat(render("{{value_json['AM2301']['Temperature']}}", payload)).isEqualTo("21.4");
    }

    @Test
    void tasmotaEnergySensorReadsAnArrayItem() throws Exception {
        String payload = "{\"ENERGY\":{\"Total\":12.345,\"Voltage\":[230,231],\"Current\":0.25}}";
        assertThat(render("{{value_json['ENERGY']['Voltage'][1]}}", payload)).isEqualTo("231");
        assertThat(render("{{value_json['ENERGY']['Total']}}", payload)).isEqualTo("12.345");
    }

    @Test
    void tasmotaRelayAndLightTemplates() throws Exception {
        String payload = "{\"POWER\":\"ON\",\"Dimmer\":60,\"HSBColor\":\"120,100,60\",\"White\":0,\"CT\":153}";
        assertThat(render("{{value_json.POWER}}", payload)).isEqualTo("ON");
        assertThat(render("{{value_json.Dimmer}}", payload)).isEqualTo("60");
        assertThat(render("{{value_json.HSBColor.split(',')[0:2]|join(',')}}", payload)).isEqualTo("120,100");
        assertThat(render("{%if value_json.White%}white{%else%}hs{%endif %}", payload)).isEqualTo("hs");
        assertThat(render("{%if value_json.White%}color_temp{%else%}hs{%endif %}", "{\"White\":40}"))
                .isEqualTo("color_temp");
    }

    @Test
    void tasmotaStatusSensorReadsRssi() throws Exception {
        assertThat(render("{{value_json['RSSI']}}", "{\"Version\":\"13.2.0\",\"RSSI\":\"76\"}")).isEqualTo("76");
    }

    @Test
    void commonHandWrittenShapes() throws Exception {
        assertThat(render("{% if value_json.state == 'ON' %}ON{% else %}OFF{% endif %}", "{\"state\":\"ON\"}"))
                .isEqualTo("ON");
        assertThat(render("{{ value_json.position | default(0) }}", "{\"state\":\"open\"}")).isEqualTo("0");
        assertThat(render("{{ (value_json.brightness / 2.54) | round(0) | int }}", "{\"brightness\":254}"))
                .isEqualTo("100");
        assertThat(render("{{ value | int * 2 }}", "21")).isEqualTo("42");
        assertThat(render("{{ 'ON' if value_json.contact == false else 'OFF' }}", "{\"contact\":false}")).isEqualTo("ON");
        assertThat(render("{{ value_json.hsb[0] if value_json.hsb is defined else 0 }}", "{\"hsb\":[120,50,80]}"))
                .isEqualTo("120");
        assertThat(render("{{ value_json.hsb[0] if value_json.hsb is defined else 0 }}", "{}")).isEqualTo("0");
    }
}
