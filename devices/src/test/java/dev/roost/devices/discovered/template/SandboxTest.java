package dev.roost.devices.discovered.template;

import static dev.roost.devices.discovered.template.Renders.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Templates come from any device on the network: Java is out of reach, nothing loops, and work is bounded by
 * the source (4,096 characters), nesting (32 levels) and output (16,384 characters).
 */
class SandboxTest {

    @Test
    void pythonIntrospectionRendersUndefined() throws Exception {
        assertThat(render("[{{ ''.__class__ }}][{{ ''.__class__.__mro__ }}][{{ value.class }}][{{ value_json.class }}]"
                + "[{{ cycler.__init__ }}][{{ lipsum.__globals__ }}][{{ self }}]", "{\"a\":1}")).isEqualTo("[][][][][][][]");
    }

    @Test
    void javaMethodsCannotBeCalled() {
        assertThatThrownBy(() -> Template.compile("{{ value.getClass() }}")).isInstanceOf(TemplateException.class)
                .hasMessage("line 1, column 10: method 'getClass' is not supported");
        assertThatThrownBy(() -> Template.compile("{{ value.toString() }}")).hasMessageEndingWith("method 'toString' is not supported");
        assertThatThrownBy(() -> Template.compile("{{ cycler.__init__.__globals__.os.popen('id').read() }}"))
                .hasMessageEndingWith("method 'popen' is not supported");
    }

    @Test
    void pythonMethodsOutsideThePureFewAreRefused() {
        assertThatThrownBy(() -> Template.compile("{{ '{}'.format(value) }}")).hasMessageEndingWith("method 'format' is not supported");
        assertThatThrownBy(() -> Template.compile("{{ value_json.update({'a': 1}) }}")).hasMessageEndingWith("method 'update' is not supported");
        assertThatThrownBy(() -> Template.compile("{{ value_json['get']('a') }}")).hasMessageContaining("can be called");
    }

    @Test
    void loopsAndOtherTagsAreRefusedByName() {
        for (String tag : new String[] {"for", "macro", "include", "import", "raw", "filter", "call", "block", "extends",
                "with", "do", "break"}) {
            assertThatThrownBy(() -> Template.compile("{% " + tag + " x %}")).as(tag)
                    .hasMessageEndingWith("unsupported tag '" + tag + "'");
        }
    }

    @Test
    void unknownFiltersTestsAndFunctionsAreRefusedWhenCompiling() {
        assertThatThrownBy(() -> Template.compile("{{ value | regex_findall('x') }}"))
                .hasMessage("line 1, column 12: filter 'regex_findall' is not supported");
        assertThatThrownBy(() -> Template.compile("{{ range(10) }}")).hasMessageEndingWith("function 'range' is not supported");
        assertThatThrownBy(() -> Template.compile("{{ namespace(r=1) }}")).hasMessageEndingWith("function 'namespace' is not supported");
        assertThatThrownBy(() -> Template.compile("{{ now() }}")).hasMessageEndingWith("function 'now' is not supported");
        assertThatThrownBy(() -> Template.compile("{{ x is odd }}")).hasMessageEndingWith("test 'odd' is not supported");
    }

    @Test
    void zigbee2mqttEventTemplateIsRefusedForItsLoop() {
        String template = "{% set patterns = [\n{\"pattern\": '^(?P<button>(?:button_)?[a-z0-9]+)_(?P<action>(?:press|hold)"
                + "(?:_release)?)$', \"groups\": [\"button\", \"action\"]}\n] %}\n"
                + "{% set action_value = value_json.action|default('') %}\n"
                + "{% set ns = namespace(r=[('action', action_value)]) %}\n"
                + "{% for p in patterns %}{% endfor %}";
        assertThatThrownBy(() -> Template.compile(template)).hasMessage("line 5, column 13: function 'namespace' is not supported");
    }

    @Test
    void sourceLongerThan4096CharactersIsRefused() throws Exception {
        assertThat(Template.compile("x".repeat(4096)).render(Map.of())).hasSize(4096);
        assertThatThrownBy(() -> Template.compile("x".repeat(4097)))
                .hasMessage("the template is 4097 characters long; at most 4096 are accepted");
    }

    @Test
    void nestingDeeperThan32IsRefused() throws Exception {
        assertThat(render("{{ " + "(".repeat(32) + "1" + ")".repeat(32) + " }}")).isEqualTo("1");
        assertThatThrownBy(() -> Template.compile("{{ " + "(".repeat(33) + "1" + ")".repeat(33) + " }}"))
                .hasMessage("line 1, column 36: nested more than 32 levels deep");
        assertThatThrownBy(() -> Template.compile("{{ " + "-".repeat(33) + "1 }}")).hasMessageContaining("nested more than 32");
        assertThatThrownBy(() -> Template.compile("{{ " + "not ".repeat(33) + "1 }}")).hasMessageContaining("nested more than 32");
        assertThatThrownBy(() -> Template.compile("{% if 1 %}".repeat(33) + "{% endif %}".repeat(33)))
                .hasMessageContaining("nested more than 32");
    }

    @Test
    void longOperatorChainsAreNotNesting() throws Exception {
        String sum = "1" + " + 1".repeat(1000);
        assertThat(render("{{ " + sum + " }}")).isEqualTo("1001");
    }

    @Test
    void outputLongerThan16384CharactersFails() throws Exception {
        assertThat(render("{{ 'x' * 16384 }}")).hasSize(16384);
        assertThatThrownBy(() -> render("{{ 'x' * 16384 }}y")).hasMessage("the result is longer than 16384 characters");
        assertThatThrownBy(() -> Template.compile("{{ value }}").render(Map.of("value", "x".repeat(20_000))))
                .hasMessage("the result is longer than 16384 characters");
    }

    @Test
    void intermediateValuesAreBoundedBeforeTheyAreBuilt() {
        assertThatThrownBy(() -> render("{% set s = 'x' * 10**9 %}")).hasMessage("the result is longer than 16384 characters");
        assertThatThrownBy(() -> render("{% set l = [0] * 10**9 %}")).hasMessage("the result is longer than 16384 characters");
        assertThatThrownBy(() -> render("{% set s = ('x' * 16000)|replace('x', 'yy') %}"))
                .hasMessage("the result is longer than 16384 characters");
        assertThatThrownBy(() -> render("{% set n = 10 ** 100000 %}")).hasMessage("integer result wider than 65536 bits");
    }

    @Test
    void stringFormattingIsRefused() {
        assertThatThrownBy(() -> render("{{ '%s' % 1 }}")).hasMessage("string formatting with % is not supported");
    }
}
