package dev.roost.rules.sandbox;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Payloads become the values rules compare: numbers, booleans, maps, lists, or the text itself. */
class PayloadValuesTest {

    @Test
    void wholeNumberBecomesLong() {
        assertThat(PayloadValues.parse("21")).isEqualTo(21L);
        assertThat(PayloadValues.parse(" -3 ")).isEqualTo(-3L);
    }

    @Test
    void decimalAndOverlongNumbersBecomeDouble() {
        assertThat(PayloadValues.parse("17.5")).isEqualTo(17.5);
        assertThat(PayloadValues.parse("99999999999999999999")).isEqualTo(1.0E20);
    }

    @Test
    void hugeExponentBecomesInfinityNotAHugeDecimal() {
        assertThat(PayloadValues.parse("1e999999999")).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void jsonObjectBecomesMapInDocumentOrder() {
        Object value = PayloadValues.parse("{\"temperature\":17.5,\"unit\":\"C\",\"ok\":true,\"n\":2}");

        assertThat(value).isEqualTo(Map.of("temperature", 17.5, "unit", "C", "ok", true, "n", 2L));
        assertThat(List.copyOf(((Map<?, ?>) value).keySet())).isEqualTo(List.of("temperature", "unit", "ok", "n"));
    }

    @Test
    void parsedMapCannotBeChangedByItsReaders() {
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) PayloadValues.parse("{\"a\":1}");

        assertThatThrownBy(() -> value.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void jsonArrayBecomesList() {
        assertThat(PayloadValues.parse("[1, \"two\", [3]]")).isEqualTo(List.of(1L, "two", List.of(3L)));
    }

    @Test
    void booleansJsonStringsAndNull() {
        assertThat(PayloadValues.parse("true")).isEqualTo(true);
        assertThat(PayloadValues.parse("false")).isEqualTo(false);
        assertThat(PayloadValues.parse("\"ON\"")).isEqualTo("ON");
        assertThat(PayloadValues.parse("null")).isNull();
    }

    @Test
    void plainTextAndBrokenJsonStayAsText() {
        assertThat(PayloadValues.parse("closed")).isEqualTo("closed");
        assertThat(PayloadValues.parse("21 degrees")).isEqualTo("21 degrees");
        assertThat(PayloadValues.parse("{\"temperature\":")).isEqualTo("{\"temperature\":");
        assertThat(PayloadValues.parse("")).isEqualTo("");
    }

    @Test
    void jsonNestedBeyondJacksonsLimitStaysAsTextInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);

        assertThat(PayloadValues.parse(deep)).isEqualTo(deep);
    }

    @Test
    void formatWritesMapsAsJsonAndNullAsEmpty() {
        assertThat(PayloadValues.format(PayloadValues.parse("{\"a\":[1,2.5]}"))).isEqualTo("{\"a\":[1,2.5]}");
        assertThat(PayloadValues.format(null)).isEmpty();
        assertThat(PayloadValues.format(18L)).isEqualTo("18");
    }
}
