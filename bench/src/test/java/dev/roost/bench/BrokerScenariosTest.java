package dev.roost.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.hub.broker.BrokerConfig;
import dev.roost.hub.broker.MqttBroker;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Small, bounded runs of every throughput and latency scenario against Roost's broker, in process. */
@Timeout(60)
class BrokerScenariosTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private static MqttBroker broker;
    private static InetSocketAddress address;
    private static Connector connector;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new MqttBroker(BrokerConfig.defaults());
        address = broker.start("127.0.0.1", 0);
        connector = new Connector(address.getHostString(), address.getPort(), Duration.ofSeconds(5), 2);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (connector != null) {
            connector.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = MqttQoS.class, names = {"AT_LEAST_ONCE", "EXACTLY_ONCE"})
    void faninDeliversEveryConfirmedMessageExactlyOnceAndInOrder(MqttQoS qos) {
        Result r = new FanInScenario(4, 500, null, qos, 16, 64, TIMEOUT, DRAIN, false).run(connector, RunNames.random());

        assertThat(r.getLong("sent")).isEqualTo(2_000);
        assertThat(r.getLong("publish_failed")).isZero();
        assertThat(r.getLong("lost")).isZero();
        assertThat(r.getLong("duplicates")).isZero();
        assertThat(r.getLong("out_of_order")).as("MQTT 3.1.1 4.6: topics are ordered").isZero();
        assertThat(r.getLong("received")).isEqualTo(2_000);
        assertThat(r.get("complete")).isEqualTo(true);
        assertThat(r.getLong("granted_qos")).isEqualTo(qos.value());
        assertSaneRate(r, "msgs_per_sec");
    }

    @Test
    void faninToAnOfflineSubscriberCountsWhatItsSessionKept() {
        Result r = new FanInScenario(4, 200, null, MqttQoS.AT_LEAST_ONCE, 16, 64, TIMEOUT, DRAIN, true)
                .run(connector, RunNames.random());

        assertThat(r.get("subscriber")).isEqualTo("offline");
        assertThat(r.getLong("sent")).isEqualTo(800);
        assertThat(r.getLong("received")).as("queued while away, delivered on return").isEqualTo(800);
        assertThat(r.getLong("lost")).isZero();
        assertThat(r.getDouble("msgs_per_sec")).isEqualTo(r.getDouble("publish_msgs_per_sec"));
        assertSaneRate(r, "msgs_per_sec");
    }

    @Test
    void faninWarmUpRunsFirstAndIsLeftOutOfTheCounts() {
        Result r = new FanInScenario(4, 200, null, MqttQoS.AT_LEAST_ONCE, 16, 64, TIMEOUT, DRAIN, true, 100)
                .run(connector, RunNames.random());

        assertThat(r.getLong("warmup_sent")).isEqualTo(400);
        assertThat(r.get("warmup_complete")).isEqualTo(true);
        assertThat(r.getLong("sent")).isEqualTo(800);
        assertThat(r.getLong("received")).as("the warm-up's messages went to its own subscriber").isEqualTo(800);
        assertThat(r.getLong("lost")).isZero();
        assertThat(r.getLong("duplicates")).isZero();
    }

    @Test
    void faninAtQosZeroReportsConsistentCounts() {
        Result r = new FanInScenario(4, 500, null, MqttQoS.AT_MOST_ONCE, 16, 64, TIMEOUT, DRAIN, false)
                .run(connector, RunNames.random());

        long sent = r.getLong("sent");
        assertThat(sent).isEqualTo(2_000);
        assertThat(r.getLong("lost")).isBetween(0L, sent);
        assertThat(r.getLong("received")).isEqualTo(sent - r.getLong("lost") + r.getLong("duplicates"));
        assertThat(r.getLong("malformed")).isZero();
        assertThat(r.getDouble("loss_pct")).isBetween(0.0, 100.0);
        assertSaneRate(r, "msgs_per_sec");
    }

    @Test
    void fanoutGivesEverySubscriberEveryMessageOnce() {
        int subscribers = 10;
        Result r = new FanOutScenario(subscribers, 300, null, MqttQoS.AT_LEAST_ONCE, 16, 64, TIMEOUT, DRAIN)
                .run(connector, RunNames.random());

        assertThat(r.getLong("sent")).isEqualTo(300);
        assertThat(r.getLong("lost")).isZero();
        assertThat(r.getLong("duplicates")).isZero();
        assertThat(r.getLong("received")).isEqualTo(300L * subscribers);
        assertThat((long[]) r.get("per_subscriber_received")).hasSize(subscribers).containsOnly(300L);
        assertThat(r.get("complete")).isEqualTo(true);
        assertSaneRate(r, "deliveries_per_sec");
    }

    @Test
    void latencyPercentilesAreOrderedAndCoverEveryMeasuredMessage() {
        Result r = new LatencyScenario(500, Duration.ofSeconds(1), Duration.ofMillis(200), MqttQoS.AT_LEAST_ONCE, 64, DRAIN)
                .run(connector, RunNames.random());

        assertThat(r.getLong("sent")).isEqualTo(600);
        assertThat(r.getLong("lost")).isZero();
        assertThat(r.getLong("duplicates")).isZero();
        assertThat(r.getLong("samples")).as("warm-up excluded").isEqualTo(500);
        double p50 = r.getDouble("p50_us");
        assertThat(p50).isPositive();
        assertThat(r.getDouble("p90_us")).isGreaterThanOrEqualTo(p50);
        assertThat(r.getDouble("p99_us")).isGreaterThanOrEqualTo(r.getDouble("p90_us"));
        assertThat(r.getDouble("p999_us")).isGreaterThanOrEqualTo(r.getDouble("p99_us"));
        assertThat(r.getDouble("max_us")).isGreaterThanOrEqualTo(r.getDouble("p999_us")).isLessThan(TIMEOUT.toNanos() / 1e3);
        assertThat(r.getDouble("send_rate")).as("paced, not bursty").isBetween(400.0, 600.0);
    }

    @Test
    void idleHoldsConnectionsAndCountsThem() {
        Result r = new IdleScenario(200, 60, 50, Duration.ofMillis(200), 0, ProcessHandle.current().pid(), TIMEOUT)
                .run(connector, RunNames.random());

        assertThat(r.getLong("connected")).isEqualTo(200);
        assertThat(r.getLong("failed")).isZero();
        assertThat(r.getLong("alive_after_hold")).isEqualTo(200);
        assertThat(r.getLong("broker_rss_loaded_kib")).isPositive();
    }

    @Test
    void commandLineRunPrintsOneMachineReadableLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = LoadTool.run(new String[] {"fanin", "--port", Integer.toString(address.getPort()), "--qos", "1",
                "--publishers", "2", "--messages", "100", "--drain-timeout", "2"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(code).isEqualTo(LoadTool.EXIT_OK);
        assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("RESULT {")))
                .singleElement().asString().contains("\"scenario\":\"fanin\"", "\"lost\":0", "\"sent\":200");
    }

    private static void assertSaneRate(Result r, String key) {
        assertThat(r.getDouble(key)).isPositive().isLessThan(10_000_000.0);
        assertThat(r.getDouble("receive_seconds")).isPositive().isLessThan(TIMEOUT.toSeconds());
    }
}
