package dev.roost.rules.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Evaluations over the time limit fail; evaluations that were only paused by their surroundings do not. */
class EvaluationTimeoutTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-28T22:15:00Z");
    private static final ExpressionLimits LIMITS = new ExpressionLimits(Duration.ofMillis(50), 2_000, 32, 16);
    private static final Bindings COLD = new Bindings("home/t", "17.5", 17.5, Map.of(), NOW, null);

    @Test
    void slowEvaluationFailsWithItsCpuTimeAndTheLimit() throws Exception {
        ExpressionCompiler strict = new ExpressionCompiler(new ExpressionLimits(Duration.ofMillis(1), 2_000, 32, 16));
        // Each call copies the whole payload; twenty copies of 8 MB take far more than 1 ms of CPU anywhere.
        Expression slow = strict.compile("payload" + ".toUpperCase().toLowerCase()".repeat(10) + ".length()");
        String huge = "x".repeat(8_000_000);

        assertThatThrownBy(() -> slow.evaluate(new Bindings("t", huge, huge, Map.of(), NOW, null)))
                .isInstanceOf(EvaluationFailed.class)
                .hasMessageMatching("'payload\\.toUpperCase.*' took \\d+ ms of CPU time, over the limit of 1 ms");
    }

    @Test
    void evaluationPausedByItsSurroundingsSucceeds() throws Exception {
        // A second passes on the wall clock, none on the thread's CPU clock: preempted, or stopped for a GC.
        SteppingClock clock = new SteppingClock(1_000_000_000L, 0);
        Expression expression = new ExpressionCompiler(LIMITS, clock).compile("value < 18");

        assertThat(expression.test(COLD)).isTrue();
        assertThat(clock.cpuReads).isEqualTo(2);
    }

    @Test
    void evaluationOverTheLimitOnBothClocksFails() throws Exception {
        SteppingClock clock = new SteppingClock(1_000_000_000L, 1_000_000_000L);
        Expression expression = new ExpressionCompiler(LIMITS, clock).compile("value < 18");

        assertThatThrownBy(() -> expression.test(COLD))
                .isInstanceOf(EvaluationFailed.class)
                .hasMessage("'value < 18' took 1000 ms of CPU time, over the limit of 50 ms");
    }

    @Test
    void evaluationWithinTheLimitNeverReadsTheCostlyCpuClock() throws Exception {
        SteppingClock clock = new SteppingClock(50_000_000L, 1_000_000_000L);
        Expression expression = new ExpressionCompiler(LIMITS, clock).compile("value < 18");

        assertThat(expression.test(COLD)).isTrue();
        assertThat(clock.cpuReads).isZero();
    }

    /** A clock that moves on by a fixed step at every read, so time passes during an evaluation without sleeping. */
    private static final class SteppingClock implements EvaluationClock {

        private final long wallStep;
        private final long cpuStep;
        private long wall;
        private long cpu;
        private int cpuReads;

        SteppingClock(long wallStep, long cpuStep) {
            this.wallStep = wallStep;
            this.cpuStep = cpuStep;
        }

        @Override
        public long wallNanos() {
            wall += wallStep;
            return wall;
        }

        @Override
        public long threadCpuNanos() {
            cpuReads++;
            cpu += cpuStep;
            return cpu;
        }
    }
}
