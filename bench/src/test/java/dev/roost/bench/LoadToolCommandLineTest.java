package dev.roost.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LoadToolCommandLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return LoadTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "nosuch", "fanin --qos 3", "fanin --bogus 1", "fanin --messages 5 --duration 1", "fanin --port",
        "latency --rate fast", "idle --connections 0", "fanout stray", "fanin --port 1 --port 2"})
    void badCommandLinesExitWithCodeTwoAndOneLine(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertThat(run(args)).isEqualTo(LoadTool.EXIT_USAGE);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message).startsWith("roost-bench: ").hasLineCount(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpListsEveryScenario() {
        assertThat(run("fanin", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("fanin", "fanout", "latency", "idle", "--broker-pid");
    }

    @Test
    @Timeout(30)
    void brokerThatNeverAnswersEndsTheRunWithCodeOneAndAResult() throws Exception {
        // Accepts TCP (the kernel completes the handshake from the backlog) but never sends CONNACK.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int code = run("fanin", "--port", Integer.toString(silent.getLocalPort()), "--connect-timeout", "0.5");
            assertThat(code).isEqualTo(LoadTool.EXIT_ABORTED);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("RESULT {\"scenario\":\"fanin\"").contains("CONNACK");
        }
    }
}
