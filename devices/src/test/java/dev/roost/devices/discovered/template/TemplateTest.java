package dev.roost.devices.discovered.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates in the shapes Zigbee2MQTT, Tasmota and Home Assistant's docs publish, rendered as Home Assistant does. */
class TemplateTest {

    private final ObjectMapper json = new ObjectMapper();

    private String render(String template, String payload) throws Exception {
        Map<String, Object> variables = new HashMap<>();
        variables.put("value", payload);
        try {
            variables.put("value_json", json.readValue(payload, Object.class));
        } catch (java.io.IOException notJson) {
            // value_json undefined
        }
        return Template.compile(template).render(variables);
    }

    @Test
    void zigbee2mqttSubscriptReadsAField() throws Exception {
        assertThat(render("{{ value_json[\"temperature\"] }}", "{\"temperature\":21.4,\"battery\":97}"))
                .isEqualTo("21.4");
    }

    @Test
    void nestedTasmotaFieldsAreReadBySubscripts() throws Exception {
        assertThat(render("{{value_json['AM2301']['Temperature']}}",
                "{\"Time\":\"2026-12-08T04:00:00\",\"AM2301\":{\"Temperature\":21.4,\"Humidity\":48.2}}"))
                .isEqualTo("21.4");
    }

    @Test
    void jsonBooleansRenderAsPythonDoes() throws Exception {
        assertThat(render("{{ value_json.contact }}", "{\"contact\":false}")).isEqualTo("False");
    }

    @Test
    void undefinedAttributeRendersEmpty() throws Exception {
        assertThat(render("{{ value_json.missing.deeper }}", "{\"a\":1}")).isEmpty();
    }

    @Test
    void zigbee2mqttRunningStateMapsThroughADictWithANoneKey() throws Exception {
        String template = "{% set values = {None:None,'idle':'idle','heat':'heating','cool':'cooling',"
                + "'fan_only':'fan'} %}{{ values[value_json[\"running_state\"]] }}";
        assertThat(render(template, "{\"running_state\":\"heat\"}")).isEqualTo("heating");
    }

    @Test
    void ifElseAndFiltersWork() throws Exception {
        assertThat(render("{% if value_json.state == 'ON' %}on{% else %}off{% endif %}", "{\"state\":\"ON\"}"))
                .isEqualTo("on");
        assertThat(render("{{ (value_json.brightness / 2.54) | round(0) | int }}", "{\"brightness\":254}"))
                .isEqualTo("100");
        assertThat(render("{{ value | int * 2 }}", "21")).isEqualTo("42");
        assertThat(render("{{ value_json.position | default(0) }}", "{}")).isEqualTo("0");
        assertThat(render("{{ 21.456 | round(1) }} {{ 21 | round }}", "x")).isEqualTo("21.5 21.0");
        assertThat(render("{{ 'ON' if value_json.contact == false else 'OFF' }}", "{\"contact\":false}"))
                .isEqualTo("ON");
        assertThat(render("{{ value_json.hsb[0] if value_json.hsb is defined else 0 }}", "{\"hsb\":[120,50,80]}"))
                .isEqualTo("120");
    }

    @Test
    void constructsOutsideTheSubsetAreRefusedByName() {
        assertThatThrownBy(() -> Template.compile("{% for p in patterns %}{% endfor %}"))
                .hasMessage("unsupported tag 'for'");
        assertThatThrownBy(() -> Template.compile("{{ value | regex_findall('x') }}").render(Map.of("value", "x")))
                .hasMessage("filter 'regex_findall' is not supported");
        assertThatThrownBy(() -> Template.compile("{{ value.getClass() }}"))
                .hasMessage("calling methods on values is not supported");
        assertThatThrownBy(() -> Template.compile("{{ range(10) }}").render(Map.of()))
                .hasMessage("function 'range' is not supported");
    }

    @Test
    void javaInternalsAreNotReachable() throws Exception {
        assertThat(render("{{ ''.__class__ }}{{ value.class }}{{ value_json.class }}", "{\"a\":1}")).isEmpty();
    }

    @Test
    void limitsAreEnforced() {
        assertThatThrownBy(() -> Template.compile("x".repeat(Template.MAX_SOURCE + 1)))
                .hasMessageContaining("longer than");
        assertThatThrownBy(() -> Template.compile("{{ " + "(".repeat(40) + "1" + ")".repeat(40) + " }}"))
                .hasMessageContaining("nested more than");
        assertThatThrownBy(() -> Template.compile("{{ value * 100000 }}").render(Map.of("value", "ab")))
                .hasMessageContaining("cannot apply");
    }
}
