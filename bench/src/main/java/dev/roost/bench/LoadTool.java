package dev.roost.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * Command-line entry point: {@code LoadTool SCENARIO [--flag value]...}. Prints a human summary and one
 * {@code RESULT {json}} line. Exit codes: 0 measured, 1 the broker could not be driven, 2 bad command line.
 */
public final class LoadTool {
    static final int EXIT_OK = 0;
    static final int EXIT_ABORTED = 1;
    static final int EXIT_USAGE = 2;

    private static final String HELP = """
            Usage: java -jar roost-bench.jar SCENARIO [flags]
            Drives any MQTT 3.1.1 broker and prints a summary plus one line 'RESULT {json}'.

            Common flags:
              --host H               broker address (default 127.0.0.1)
              --port P               broker port (default 1883)
              --connect-timeout S    seconds to wait for TCP connect and CONNACK (default 10)
              --threads N            client event-loop threads (default: number of CPUs)

            fanin    N publishers -> 1 subscriber on bench/<run>/fanin/+
              --publishers N (8)  --messages N per publisher (20000) | --duration S
              --qos 0|1|2 (0)  --window N unacknowledged per publisher, QoS 1/2 (64)
              --payload BYTES (64, min 20)  --timeout S publish phase limit (120)
              --drain-timeout S  give up when nothing arrives for this long (3)
              --subscriber online|offline  offline: a persistent session that disconnects first, so every
                                 QoS 1/2 message is stored; the headline is then the acknowledged rate
              --warmup-messages N per publisher, in a whole unmeasured run first (0), so a JVM broker's JIT
                                 has compiled the path before the measured run
            fanout   1 publisher -> N subscribers on one topic
              --subscribers N (50)  --messages N (10000) | --duration S  and the fanin flags above
            latency  fixed-rate publisher and a subscriber in this process
              --rate N msg/s (1000)  --duration S (30)  --warmup S not recorded (10)
              --qos 0|1|2 (0)  --payload BYTES (64)  --drain-timeout S (3)
            idle     many silent connections
              --connections N (10000)  --keepalive S (60)  --batch N connects in flight (100)
              --hold S (10)  --source-addresses K spread over 127.0.0.1..K (0 = as needed)
              --broker-pid P  report the broker's VmRSS before and with the connections
              --timeout S  stop opening connections after this long (300)

            Exit status: 0 measured (even with loss), 1 broker unusable, 2 bad command line.
            """;

    private LoadTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("roost-bench: no scenario given (fanin, fanout, latency, idle; see --help)");
            return EXIT_USAGE;
        }
        if (Arrays.asList(args).contains("--help") || "help".equals(args[0])) {
            out.print(HELP);
            return EXIT_OK;
        }
        Scenario scenario;
        String host;
        int port;
        Duration connectTimeout;
        int threads;
        try {
            Flags flags = new Flags(args, 1);
            host = flags.string("host", "127.0.0.1");
            port = flags.intValue("port", 1883, 1, 65_535);
            connectTimeout = flags.seconds("connect-timeout", Duration.ofSeconds(10), 0.1, 600);
            threads = flags.intValue("threads", Runtime.getRuntime().availableProcessors(), 1, 256);
            scenario = parseScenario(args[0], flags);
            flags.rejectLeftovers(args[0]);
        } catch (UsageException e) {
            err.println("roost-bench: " + e.getMessage());
            return EXIT_USAGE;
        }
        try (Connector connector = new Connector(host, port, connectTimeout, threads)) {
            Result result = scenario.run(connector, RunNames.random()).put("transport", Transport.name());
            print(result, out);
            return EXIT_OK;
        } catch (UsageException e) {
            err.println("roost-bench: " + e.getMessage());
            return EXIT_USAGE;
        } catch (ScenarioAbortedException e) {
            Result partial = e.partial().put("aborted", e.getMessage());
            partial.line("%s aborted: %s", partial.get("scenario"), e.getMessage());
            print(partial, out);
            err.println("roost-bench: " + e.getMessage());
            return EXIT_ABORTED;
        }
    }

    private static Scenario parseScenario(String name, Flags flags) {
        return switch (name) {
            case FanInScenario.NAME -> FanInScenario.fromFlags(flags);
            case FanOutScenario.NAME -> FanOutScenario.fromFlags(flags);
            case LatencyScenario.NAME -> LatencyScenario.fromFlags(flags);
            case IdleScenario.NAME -> IdleScenario.fromFlags(flags);
            default -> throw new UsageException("unknown scenario '" + name + "' (fanin, fanout, latency, idle; see --help)");
        };
    }

    private static void print(Result result, PrintStream out) {
        result.summary().forEach(out::println);
        out.println(result.resultLine());
        out.flush();
    }
}
