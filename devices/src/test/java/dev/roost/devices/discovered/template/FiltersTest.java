package dev.roost.devices.discovered.template;

import static dev.roost.devices.discovered.template.Renders.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Filters, functions, tests and methods, as Jinja defines them or as Home Assistant redefines them. */
class FiltersTest {

    @Test
    void intConvertsTextAndTruncatesFloats() throws Exception {
        assertThat(render("{{ '42'|int }} {{ '21.7'|int }} {{ 21.7|int }} {{ ' 1_000 '|int }} {{ 'ff'|int(0, 16) }} "
                + "{{ '1e3'|int }} {{ True|int }}")).isEqualTo("42 21 21 1000 255 1000 1");
    }

    @Test
    void intWithoutADefaultFailsLikeHomeAssistant() {
        assertThatThrownBy(() -> render("{{ value_json|int }}", "{\"a\":1}")).isInstanceOf(TemplateException.class)
                .hasMessage("int got invalid input '{'a': 1}' and no default was given");
    }

    @Test
    void intDefaultStandsInForWhatDoesNotConvert() throws Exception {
        assertThat(render("{{ 'abc'|int(5) }} {{ value_json.missing|int(0) }} {{ int('x', -1) }}", "{}")).isEqualTo("5 0 -1");
    }

    @Test
    void floatConvertsWithPythonSyntax() throws Exception {
        assertThat(render("{{ '21.5'|float }} {{ 3|float }} {{ 'abc'|float(0) }} {{ float('1e3') }} {{ 'inf'|float }}"))
                .isEqualTo("21.5 3.0 0 1000.0 inf");
        assertThatThrownBy(() -> render("{{ 'abc'|float }}")).hasMessageContaining("float got invalid input 'abc'");
    }

    @Test
    void roundKeepsPrecisionAsAFloat() throws Exception {
        assertThat(render("{{ 21.456|round(1) }} {{ 21.456|round(2) }} {{ '21.456'|round(1) }}")).isEqualTo("21.5 21.46 21.5");
    }

    @Test
    void roundToPrecisionZeroGivesAnIntAsHomeAssistantDoes() throws Exception {
        assertThat(render("{{ 21|round }} {{ 21.6|round }} {{ (254 / 2.54)|round(0) }}")).isEqualTo("21 22 100");
    }

    @Test
    void roundUsesPythonHalfToEvenOnTheExactValue() throws Exception {
        assertThat(render("{{ 2.5|round }} {{ 3.5|round }} {{ -2.5|round }} {{ 2.675|round(2) }} {{ 0.125|round(2) }}"))
                .isEqualTo("2 4 -2 2.67 0.12");
    }

    @Test
    void roundMethodsCeilFloorAndHalf() throws Exception {
        assertThat(render("{{ 1.21|round(1, 'ceil') }} {{ 1.29|round(1, 'floor') }} {{ 1.3|round(method='half') }} "
                + "{{ 7.26|round(1, 'half') }}")).isEqualTo("1.3 1.2 1 7.5");
    }

    @Test
    void boolReadsHomeAssistantsWords() throws Exception {
        assertThat(render("{{ 'on'|bool }} {{ 'Yes'|bool }} {{ 'disable'|bool }} {{ 0|bool }} {{ 2.5|bool }} "
                + "{{ 'maybe'|bool('?') }} {{ bool('1') }}")).isEqualTo("True True False False True ? True");
        assertThatThrownBy(() -> render("{{ 'maybe'|bool }}")).hasMessageContaining("bool got invalid input 'maybe'");
    }

    @Test
    void defaultReplacesOnlyUndefinedUnlessBoolean() throws Exception {
        assertThat(render("{{ missing|default('x') }} {{ None|default('x') }} {{ None|default('x', true) }} "
                + "{{ ''|d('e', boolean=true) }}")).isEqualTo("x None x e");
    }

    @Test
    void stringFilters() throws Exception {
        assertThat(render("{{ 'HeLLo'|lower }} {{ 'x'|upper }} {{ 'hELLO wORLD'|capitalize }} {{ 'hello-world (foo'|title }} "
                + "[{{ '  x  '|trim }}] {{ 'aaa'|replace('a', 'b') }} {{ 'aaa'|replace('a', 'b', 2) }} {{ None|string }}"))
                .isEqualTo("hello X Hello world Hello-World (Foo [x] bbb bba None");
    }

    @Test
    void lowerRendersBooleansForJson() throws Exception {
        assertThat(render("{{ (1 == 1)|lower }}")).isEqualTo("true");
    }

    @Test
    void sequenceFilters() throws Exception {
        assertThat(render("{{ 'abc'|length }} {{ [1, 2]|count }} {{ 'abc'|first }} {{ [1, 2, 3]|last }} [{{ []|first }}] "
                + "{{ ['a', 'b']|join(', ') }} {{ [1, 2]|join }} {{ 'ab'|list }} {{ {'a': 1}|list }}"))
                .isEqualTo("3 2 a 3 [] a, b 12 ['a', 'b'] ['a']");
    }

    @Test
    void minMaxAndSum() throws Exception {
        assertThat(render("{{ [3, 1, 2]|min }} {{ [3, 1, 2]|max }} {{ ['B', 'a']|min }} {{ [1, 2.5]|sum }} "
                + "{{ min(3, 1, 2) }} {{ max([4, 9]) }} {{ [1, 2]|sum(start=10) }}")).isEqualTo("1 3 a 3.5 1 9 13");
    }

    @Test
    void tojsonIsJinjasSortedJsonDumps() throws Exception {
        assertThat(render("{{ {'b': 1, 'a': [1, 2.5, None, True], 'c': 'é<'}|tojson }}"))
                .isEqualTo("{\"a\": [1, 2.5, null, true], \"b\": 1, \"c\": \"\\u00e9\\u003c\"}");
    }

    @Test
    void toJsonIsHomeAssistantsCompactOrjsonInInsertionOrder() throws Exception {
        assertThat(render("{{ {'b': 1, 'a': [1, 2.5, None, True], 'c': 'é<'}|to_json }}"))
                .isEqualTo("{\"b\":1,\"a\":[1,2.5,null,true],\"c\":\"é<\"}");
        assertThat(render("{{ {'b': 1, 'a': 2}|to_json(sort_keys=true) }}")).isEqualTo("{\"a\":2,\"b\":1}");
        assertThat(render("{{ {'a': [1]}|to_json(pretty_print=true) }}")).isEqualTo("{\n  \"a\": [\n    1\n  ]\n}");
    }

    @Test
    void fromJsonParsesOrFallsBack() throws Exception {
        assertThat(render("{{ ('{\"a\": [1, 2.5]}'|from_json).a[1] }} {{ 'nope'|from_json('bad') }}")).isEqualTo("2.5 bad");
        assertThatThrownBy(() -> render("{{ 'nope'|from_json }}")).hasMessageContaining("from_json got invalid input");
    }

    @Test
    void iifAsFunctionAndFilter() throws Exception {
        assertThat(render("{{ iif(true, 'y', 'n') }} {{ iif(None, 'y', 'n', 'none') }} {{ 0|iif('y', 'n') }} {{ 1|iif }}"))
                .isEqualTo("y none n True");
    }

    @Test
    void isDefinedFilterFailsOnUndefined() throws Exception {
        assertThat(render("{{ value_json.a|is_defined }}", "{\"a\":1}")).isEqualTo("1");
        assertThatThrownBy(() -> render("{{ value_json.b|is_defined }}", "{\"a\":1}"))
                .hasMessage("'dict' object has no attribute 'b'");
    }

    @Test
    void tests() throws Exception {
        assertThat(render("{{ x is defined }} {{ x is undefined }} {{ None is none }} {{ True is number }} {{ 'a' is string }} "
                + "{{ True is boolean }} {{ {} is mapping }} {{ 'a' is sequence }} {{ 1 is sequence }} {{ True is true }} "
                + "{{ 0 is false }} {{ 3 is eq 3 }} {{ 3 is equalto(4) }} {{ 'a' is in ['a'] }} {{ x is not defined }}"))
                .isEqualTo("False True True True True True True True False True False True False True True");
    }

    @Test
    void stringMethods() throws Exception {
        assertThat(render("{{ 'a,b, c'.split(',') }} {{ ' a  b '.split() }} {{ 'AbC'.lower() }} {{ 'x'.upper() }} "
                + "[{{ ' x '.strip() }}] {{ 'abc'.startswith('a') }} {{ 'abc'.endswith(('x', 'c')) }} {{ 'aXa'.replace('a', 'b') }}"))
                .isEqualTo("['a', 'b', ' c'] ['a', 'b'] abc X [x] True True bXb");
    }

    @Test
    void dictMethods() throws Exception {
        assertThat(render("{{ value_json.get('a') }} {{ value_json.get('z') }} {{ value_json.get('z', 0) }} "
                + "{{ value_json.keys()|list }} {{ value_json.values()|list }} {{ value_json.items()|list }}", "{\"a\":1}"))
                .isEqualTo("1 None 0 ['a'] [1] [('a', 1)]");
    }

    @Test
    void aMethodOnTheWrongKindOfValueFails() {
        assertThatThrownBy(() -> render("{{ value_json.split(',') }}", "{\"a\":1}"))
                .hasMessage("'dict' object has no method 'split'");
    }
}
