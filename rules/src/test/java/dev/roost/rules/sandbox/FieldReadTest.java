package dev.roost.rules.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code value.name} and {@code value[i]} read JSON objects and arrays, and explain themselves when they cannot. */
class FieldReadTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-28T22:15:00Z");

    private final ExpressionCompiler compiler = new ExpressionCompiler(ExpressionLimits.defaults());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void recordJavaUtilLogging() {
        root.addHandler(recorder);
    }

    @AfterEach
    void stopRecording() {
        root.removeHandler(recorder);
    }

    @Test
    void fieldOfTextFailsWithASentenceAndLogsNothing() throws Exception {
        Expression expression = compiler.compile("value.state == 'ON'");

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> expression.test(bindings("on")))
                    .isInstanceOf(EvaluationFailed.class)
                    .hasMessage("'value.state == 'ON'' failed: cannot read 'state' of the text 'on'; only JSON "
                            + "objects have fields and only JSON arrays have items");
        }
        // MVEL's own property access logs a stack trace for every such failure; ours must not flood the journal.
        assertThat(logged).isEmpty();
    }

    @Test
    void failingMethodCallLogsNothingEither() throws Exception {
        Expression expression = compiler.compile("Math.max(value, 2) > 1");

        assertThatThrownBy(() -> expression.test(bindings("on"))).isInstanceOf(EvaluationFailed.class)
                .hasMessageContaining("For input string: \"on\"");
        assertThat(logged).isEmpty();
    }

    @Test
    void fieldOfNumberNamesTheNumber() throws Exception {
        assertThatThrownBy(() -> compiler.compile("value.temperature < 18").test(bindings(21L)))
                .hasMessageContaining("cannot read 'temperature' of the number '21'");
    }

    @Test
    void listItemsAreReadByIndex() throws Exception {
        Object list = PayloadValues.parse("[{\"t\":1},{\"t\":2}]");

        assertThat(compiler.compile("value[1].t + value[0]['t']").evaluate(bindings(list))).isEqualTo(3L);
    }

    @Test
    void indexOutsideTheListFails() throws Exception {
        assertThatThrownBy(() -> compiler.compile("value[2]").evaluate(bindings(List.of(1L, 2L))))
                .hasMessage("'value[2]' failed: index 2 is outside the list of 2 items");
    }

    @Test
    void fieldNameOnAListFails() throws Exception {
        assertThatThrownBy(() -> compiler.compile("value.size2").evaluate(bindings(List.of(1L))))
                .hasMessage("'value.size2' failed: cannot read 'size2' of a list; use a whole-number index");
    }

    @Test
    void missingKeyIsNull() throws Exception {
        assertThat(compiler.compile("value.humidity == null").test(bindings(Map.of("t", 1L)))).isTrue();
    }

    @Test
    void computedKeyReadsTheMatchingField() throws Exception {
        Bindings bindings = new Bindings("home/kitchen", "", Map.of("kitchen", 20L), Map.of(), NOW, null);

        assertThat(compiler.compile("value[topic.substring(5)]").evaluate(bindings)).isEqualTo(20L);
    }

    private static Bindings bindings(Object value) {
        return new Bindings("home/t", String.valueOf(value), value, Map.of(), NOW, null);
    }
}
