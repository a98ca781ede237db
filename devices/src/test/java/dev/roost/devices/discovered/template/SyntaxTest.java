package dev.roost.devices.discovered.template;

import static dev.roost.devices.discovered.template.Renders.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Text, tags, whitespace control, comments and literals as Jinja lexes them, and syntax errors with positions. */
class SyntaxTest {

    @Test
    void textOutsideTagsIsCopied() throws Exception {
        assertThat(render("{ \"state\": \"{{ 'ON' }}\" }")).isEqualTo("{ \"state\": \"ON\" }");
    }

    @Test
    void dashStripsWhitespaceOnItsSide() throws Exception {
        assertThat(render("a  {{- 'b' -}}  \n c")).isEqualTo("abc");
        assertThat(render("a \n {%- if true -%} \n b \n {%- endif %} c")).isEqualTo("ab c");
    }

    @Test
    void commentsRenderNothing() throws Exception {
        assertThat(render("a{# note {{ x }} #}b {#- trimmed -#} c")).isEqualTo("abc");
    }

    @Test
    void oneTrailingNewlineIsDroppedAsJinjaDoes() throws Exception {
        assertThat(render("x\n")).isEqualTo("x");
        assertThat(render("x\r\n\r\n")).isEqualTo("x\n");
    }

    @Test
    void elifAndElseChooseOneBranch() throws Exception {
        String template = "{% if value_json.n > 10 %}big{% elif value_json.n > 5 %}medium{% else %}small{% endif %}";
        assertThat(render(template, "{\"n\":11}")).isEqualTo("big");
        assertThat(render(template, "{\"n\":6}")).isEqualTo("medium");
        assertThat(render(template, "{\"n\":1}")).isEqualTo("small");
    }

    @Test
    void literals() throws Exception {
        assertThat(render("{{ 1_000 }} {{ 0x1F }} {{ 1e3 }} {{ 2.50 }} {{ true }} {{ none }} {{ 'a' 'b' }}"))
                .isEqualTo("1000 31 1000.0 2.5 True None ab");
    }

    @Test
    void stringEscapesArePythons() throws Exception {
        assertThat(render("{{ 'a\\tb' }}|{{ \"it\\'s\" }}|{{ '\\u00e9\\x41\\N{DEGREE SIGN}' }}|{{ '\\d' }}"))
                .isEqualTo("a\tb|it's|éA°|\\d");
    }

    @Test
    void dictLiteralClosingBracesAreNotTheEndOfTheTag() throws Exception {
        assertThat(render("{{ {'a': {'b': 1}} }}")).isEqualTo("{'a': {'b': 1}}");
    }

    @Test
    void aTupleWithoutParenthesesRenders() throws Exception {
        assertThat(render("{{ 1, 'a' }}")).isEqualTo("(1, 'a')");
    }

    @Test
    void unclosedOutputNamesTheMissingDelimiter() {
        assertThatThrownBy(() -> Template.compile("{{ value_json.x")).isInstanceOf(TemplateException.class)
                .hasMessage("line 1, column 16: expected '}}'");
        assertThatThrownBy(() -> Template.compile("{{ value_json.x %}")).hasMessage("line 1, column 17: expected '}}', found '%}'");
    }

    @Test
    void errorsGiveLineAndColumn() {
        assertThatThrownBy(() -> Template.compile("ok\n{{ 1 + }}")).hasMessage("line 2, column 8: expected an expression, found '}}'");
        assertThatThrownBy(() -> Template.compile("{% if x %}never closed")).hasMessage("line 1, column 4: this 'if' is never closed; expected 'endif'");
        assertThatThrownBy(() -> Template.compile("{% endif %}")).hasMessage("line 1, column 4: 'endif' without an open 'if'");
        assertThatThrownBy(() -> Template.compile("{{ 'open }}")).hasMessage("line 1, column 4: the string is never closed");
        assertThatThrownBy(() -> Template.compile("{# open")).hasMessage("line 1, column 1: the comment is never closed; expected '#}'");
    }

    @Test
    void argumentsAreCheckedWhenCompiling() {
        assertThatThrownBy(() -> Template.compile("{{ 1|round(1, 'ceil', 0, 9) }}")).hasMessageEndingWith("filter 'round' takes at most 3 arguments, not 4");
        assertThatThrownBy(() -> Template.compile("{{ 1|round(digits=1) }}")).hasMessageEndingWith("filter 'round' has no argument 'digits'");
        assertThatThrownBy(() -> Template.compile("{{ 'a'|replace('a') }}")).hasMessageEndingWith("filter 'replace' needs its argument 'new'");
    }

    @Test
    void setAssignsOnlyAPlainName() {
        assertThatThrownBy(() -> Template.compile("{% set ns.a = 1 %}")).hasMessageContaining("namespaces and unpacking are not supported");
        assertThatThrownBy(() -> Template.compile("{% set x %}a{% endset %}")).hasMessageContaining("block set");
    }
}
