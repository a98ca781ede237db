package dev.roost.devices.discovered.template;

import static dev.roost.devices.discovered.template.Renders.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Output is Python's {@code str()} of the value, as Home Assistant renders it. */
class PythonRenderingTest {

    @Test
    void noneAndBooleansRenderAsPythonNames() throws Exception {
        assertThat(render("{{ value_json.a }} {{ value_json.b }} {{ value_json.c }}", "{\"a\":null,\"b\":true,\"c\":false}"))
                .isEqualTo("None True False");
    }

    @Test
    void jsonIntegersStayIntsAndDecimalsAreFloats() throws Exception {
        assertThat(render("{{ value_json.i }} {{ value_json.f }} {{ value_json.g }}", "{\"i\":21,\"f\":21.5,\"g\":21.0}"))
                .isEqualTo("21 21.5 21.0");
    }

    @Test
    void floatsRenderWithPythonsShortestRepr() throws Exception {
        assertThat(render("{{ 0.1 + 0.2 }} {{ 1e-7 }} {{ 0.0001 }} {{ 0.00001 }} {{ 1e15 }} {{ 1e16 }} {{ 1.5e300 }}"))
                .isEqualTo("0.30000000000000004 1e-07 0.0001 1e-05 1000000000000000.0 1e+16 1.5e+300");
        assertThat(render("{{ 5e-324 }} {{ -0.0 }} {{ 123456789012345678.0 }}"))
                .isEqualTo("5e-324 -0.0 1.2345678901234568e+17");
    }

    @Test
    void bigIntegersStayExact() throws Exception {
        assertThat(render("{{ value_json.n * 10 }}", "{\"n\":123456789012345678901234567890}"))
                .isEqualTo("1234567890123456789012345678900");
        assertThat(render("{{ 2 ** 100 }}")).isEqualTo("1267650600228229401496703205376");
    }

    @Test
    void listsAndDictsRenderAsPythonRepr() throws Exception {
        assertThat(render("{{ value_json }}", "{\"a\":1,\"b\":null,\"c\":[\"x\",2.5,true]}"))
                .isEqualTo("{'a': 1, 'b': None, 'c': ['x', 2.5, True]}");
        assertThat(render("{{ (1,) }} {{ (1, 'a') }} {{ () }}")).isEqualTo("(1,) (1, 'a') ()");
    }

    @Test
    void stringReprQuotesAndEscapesAsPython() throws Exception {
        assertThat(render("{{ [\"it's\", 'say \"hi\"', 'a\\nb', 'é', '\\x01'] }}"))
                .isEqualTo("[\"it's\", 'say \"hi\"', 'a\\nb', 'é', '\\x01']");
    }

    @Test
    void undefinedRendersEmpty() throws Exception {
        assertThat(render("[{{ nothing }}]")).isEqualTo("[]");
    }

    @Test
    void undefinedAttributeRendersEmpty() throws Exception {
        assertThat(render("[{{ value_json.missing.deeper }}][{{ value_json['missing'][0] }}]", "{\"a\":1}"))
                .isEqualTo("[][]");
    }

    @Test
    void valueJsonIsUndefinedWhenThePayloadIsNotJson() throws Exception {
        assertThat(render("{{ value_json is defined }} {{ value }}", "ON")).isEqualTo("False ON");
    }

    @Test
    void callerNumberTypesAreAllAccepted() throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("i", 7);
        variables.put("l", 7L);
        variables.put("b", BigInteger.TEN.pow(20));
        variables.put("d", new BigDecimal("2.5"));
        variables.put("items", new ArrayList<>(Arrays.asList(1, null)));
        assertThat(Template.compile("{{ i + l }} {{ b }} {{ d * 2 }} {{ items }}").render(variables))
                .isEqualTo("14 100000000000000000000 5.0 [1, None]");
    }

    @Test
    void setAssignsIntoTheRenderAcrossIfBlocks() throws Exception {
        assertThat(render("{% if true %}{% set x = 2 %}{% endif %}{{ x * 3 }}")).isEqualTo("6");
    }

    @Test
    void aCompiledTemplateRendersIndependentlyEachTime() throws Exception {
        Template template = Template.compile("{% set n = value * 2 %}{{ n }}");
        assertThat(template.render(Map.of("value", 1))).isEqualTo("2");
        assertThat(template.render(Map.of("value", 5))).isEqualTo("10");
        assertThat(template.source()).isEqualTo("{% set n = value * 2 %}{{ n }}");
    }

    @Test
    void valuesOfUnknownJavaTypesAreRefusedNotRendered() {
        Map<String, Object> variables = Map.of("thing", new Object(), "things", List.of(new StringBuilder("x")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Template.compile("{{ thing }}").render(variables))
                .isInstanceOf(TemplateException.class).hasMessageContaining("type templates cannot use");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Template.compile("{{ things }}").render(variables))
                .isInstanceOf(TemplateException.class);
    }
}
