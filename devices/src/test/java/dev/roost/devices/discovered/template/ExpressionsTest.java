package dev.roost.devices.discovered.template;

import static dev.roost.devices.discovered.template.Renders.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Operators with Python's semantics and Jinja's precedence. */
class ExpressionsTest {

    @Test
    void intDivisionGivesAFloat() throws Exception {
        assertThat(render("{{ 10 / 2 }} {{ 1 / 3 }}")).isEqualTo("5.0 0.3333333333333333");
    }

    @Test
    void floorDivisionAndModuloFollowPythonSigns() throws Exception {
        assertThat(render("{{ 7 // 2 }} {{ -7 // 2 }} {{ -7 % 2 }} {{ 7 % -2 }} {{ -7.5 // 2 }} {{ -7.5 % 2 }}"))
                .isEqualTo("3 -4 1 -1 -4.0 0.5");
    }

    @Test
    void powerIsLeftAssociativeAsInJinja() throws Exception {
        assertThat(render("{{ 2 ** 3 ** 2 }} {{ 2 ** -1 }} {{ -2 ** 2 }}")).isEqualTo("64 0.5 4");
    }

    @Test
    void precedenceFollowsJinja() throws Exception {
        // ~ binds tighter than + and looser than *, so 1 + 2 ~ 'x' would add 1 to '2x' and fail, as in Jinja.
        assertThat(render("{{ 1 + 2 * 3 - 4 / 2 }} {{ 2 * 3 ~ 'x' }} {{ value | int * 2 }} {{ -3 | abs }}", "21"))
                .isEqualTo("5.0 6x 42 3");
    }

    @Test
    void plusJoinsStringsAndLists() throws Exception {
        assertThat(render("{{ 'a' + 'b' }} {{ [1] + [2] }} {{ 'ab' * 2 }} {{ [0] * 3 }}")).isEqualTo("ab [1, 2] abab [0, 0, 0]");
    }

    @Test
    void tildeConcatenatesStrOfEachSide() throws Exception {
        assertThat(render("{{ 'v' ~ 1 ~ None ~ True ~ 2.0 ~ missing }}")).isEqualTo("v1NoneTrue2.0");
    }

    @Test
    void intEqualsFloatAndTrueEqualsOne() throws Exception {
        assertThat(render("{{ 1 == 1.0 }} {{ True == 1 }} {{ 10**20 == 1e20 }} {{ (1, 2) == [1, 2] }}"))
                .isEqualTo("True True True False");
    }

    @Test
    void comparisonsChainAsInPython() throws Exception {
        assertThat(render("{{ 1 < 2 < 3 }} {{ 3 > 2 > 2 }} {{ 'a' < 'b' }} {{ [1, 2] < [1, 3] }}"))
                .isEqualTo("True False True True");
    }

    @Test
    void orderingAnIntAgainstAStrFails() {
        assertThatThrownBy(() -> render("{{ 1 < 'a' }}")).isInstanceOf(TemplateException.class)
                .hasMessage("'<' not supported between instances of 'int' and 'str'");
    }

    @Test
    void inTestsSubstringMemberAndKey() throws Exception {
        assertThat(render("{{ 'ell' in 'hello' }} {{ 2 in [1, 2] }} {{ 'a' in value_json }} {{ 'z' not in value_json }}",
                "{\"a\":1}")).isEqualTo("True True True True");
    }

    @Test
    void andOrReturnTheDecidingOperand() throws Exception {
        assertThat(render("{{ 0 or 'x' }} {{ 1 and 'y' }} {{ '' and 'z' }}|{{ None or [] }} {{ not 0 }}"))
                .isEqualTo("x y |[] True");
    }

    @Test
    void inlineIfWithoutElseIsUndefined() throws Exception {
        assertThat(render("[{{ 'x' if false }}][{{ 'y' if true }}]")).isEqualTo("[][y]");
    }

    @Test
    void subscriptsIndexFromTheEndAndSlice() throws Exception {
        assertThat(render("{{ value_json.l[-1] }} {{ value_json.l[1:] }} {{ value_json.l[::-1] }} {{ 'hello'[1:3] }} "
                + "{{ value_json.l.0 }}[{{ value_json.l[9] }}]", "{\"l\":[3,1,2]}")).isEqualTo("2 [1, 2] [2, 1, 3] el 3[]");
    }

    @Test
    void dictKeysMatchByPythonEquality() throws Exception {
        assertThat(render("{{ {1: 'a'}[1.0] }} {{ {1: 'a'}[True] }} {{ {None: 'n'}[None] }}")).isEqualTo("a a n");
    }

    @Test
    void divisionByZeroFails() {
        assertThatThrownBy(() -> render("{{ 1 / 0 }}")).isInstanceOf(TemplateException.class).hasMessage("division by zero");
        assertThatThrownBy(() -> render("{{ 1 // 0 }}")).hasMessage("division by zero");
        assertThatThrownBy(() -> render("{{ 1.5 % 0 }}")).hasMessage("division by zero");
    }

    @Test
    void arithmeticOnUndefinedNamesWhatIsMissing() {
        assertThatThrownBy(() -> render("{{ value_json.missing + 1 }}", "{}")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("'dict' object has no attribute 'missing'");
    }

    @Test
    void mixingStrAndIntInPlusFails() {
        assertThatThrownBy(() -> render("{{ 'a' + 1 }}")).hasMessage("unsupported operand type(s) for +: 'str' and 'int'");
    }
}
