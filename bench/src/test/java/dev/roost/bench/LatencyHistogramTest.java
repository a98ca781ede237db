package dev.roost.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesStayWithinOnePercentOfTheExactValues() {
        Random random = new Random(42);
        long[] values = new long[100_000];
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            // Log-normal-ish spread from tens of microseconds to tens of milliseconds, like real latencies.
            values[i] = (long) (20_000 * Math.exp(random.nextGaussian() * 1.5));
            histogram.record(values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {50, 90, 99, 99.9}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            assertThat((double) histogram.percentile(p)).as("p%s", p).isCloseTo(exact, within(exact * 0.01 + 1));
            assertThat(histogram.percentile(p)).as("reported as an upper bound").isGreaterThanOrEqualTo(exact);
        }
        assertThat(histogram.max()).isEqualTo(values[values.length - 1]);
        assertThat(histogram.min()).isEqualTo(values[0]);
        assertThat(histogram.count()).isEqualTo(values.length);
    }

    @Test
    void smallValuesAreExactAndBucketsAreContiguous() {
        for (long v = 0; v < 256; v++) {
            assertThat(LatencyHistogram.highestInBucket(LatencyHistogram.indexOf(v))).isEqualTo(v);
        }
        for (long v = 256; v < 1 << 20; v += 7) {
            int index = LatencyHistogram.indexOf(v);
            assertThat(LatencyHistogram.highestInBucket(index)).isGreaterThanOrEqualTo(v);
            assertThat(LatencyHistogram.highestInBucket(index - 1)).isLessThan(v);
        }
        assertThat(LatencyHistogram.indexOf(Long.MAX_VALUE)).isGreaterThan(0);
    }

    @Test
    void emptyHistogramReportsZeros() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.percentile(99)).isZero();
        assertThat(h.max()).isZero();
        assertThat(h.min()).isZero();
        assertThat(h.mean()).isZero();
    }
}
