package dev.roost.hub;

import dev.roost.hub.broker.BrokerConfig;
import dev.roost.hub.broker.BrokerFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's mosquitto_pub and mosquitto_sub against the broker: an independent client implementation, run as
 * child processes with timeouts, so the broker is not only ever tested by the library it was developed with.
 */
@Timeout(60)
class MosquittoClientsTest {

    private static final Duration SYS_INTERVAL = Duration.ofMillis(200);
    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    private BrokerFixture fixture;
    private final List<Process> processes = new ArrayList<>();
    private int outputs;

    @BeforeEach
    void startBroker() {
        fixture = new BrokerFixture(BrokerConfig.builder().sysInterval(SYS_INTERVAL).build());
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        try {
            for (Process process : processes) {
                if (process.isAlive()) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            }
        } finally {
            fixture.close();
        }
    }

    @Test
    void subscriberWithCountOneReceivesAPublishAndExits() throws Exception {
        Client sub = start("mosquitto_sub", "-t", "hello/world", "-C", "1", "-W", "10");
        awaitSubscriptions(1);

        Result pub = run("mosquitto_pub", "-t", "hello/world", "-m", "hi there");

        assertThat(pub.exitCode()).as(pub.describe()).isZero();
        Result received = sub.awaitExit();
        assertThat(received.exitCode()).as(received.describe()).isZero();
        assertThat(received.stdout()).isEqualTo("hi there\n");
    }

    @Test
    void qos1PublishIsReceivedAtQos1() throws Exception {
        assertDeliveredAtQos(1);
    }

    @Test
    void qos2PublishIsReceivedAtQos2() throws Exception {
        assertDeliveredAtQos(2);
    }

    private void assertDeliveredAtQos(int qos) throws Exception {
        String topic = "qos/" + qos;
        Client sub = start("mosquitto_sub", "-t", topic, "-q", Integer.toString(qos), "-C", "1", "-W", "10",
                "-F", "%q %t %p");
        awaitSubscriptions(1);

        Result pub = run("mosquitto_pub", "-t", topic, "-q", Integer.toString(qos), "-m", "payload");

        assertThat(pub.exitCode()).as(pub.describe()).isZero();
        Result received = sub.awaitExit();
        assertThat(received.exitCode()).as(received.describe()).isZero();
        assertThat(received.stdout()).isEqualTo(qos + " " + topic + " payload\n");
    }

    @Test
    void retainedMessageIsReceivedByALaterSubscriber() throws Exception {
        Result pub = run("mosquitto_pub", "-t", "lamp/state", "-r", "-q", "1", "-m", "on");
        assertThat(pub.exitCode()).as(pub.describe()).isZero();

        Result received = run("mosquitto_sub", "-t", "lamp/state", "-C", "1", "-W", "5", "-F", "%r %p");

        assertThat(received.exitCode()).as(received.describe()).isZero();
        assertThat(received.stdout()).isEqualTo("1 on\n");
    }

    @Test
    void emptyRetainedPublishDeletesTheRetainedMessage() throws Exception {
        assertThat(run("mosquitto_pub", "-t", "lamp/state", "-r", "-q", "1", "-m", "on").exitCode()).isZero();

        Result delete = run("mosquitto_pub", "-t", "lamp/state", "-r", "-q", "1", "-n");
        assertThat(delete.exitCode()).as(delete.describe()).isZero();

        Result received = run("mosquitto_sub", "-t", "lamp/state", "-C", "1", "-W", "2");
        assertThat(received.stdout()).as("nothing retained any more; " + received.describe()).isEmpty();
        int retained = fixture.broker().inspect(context -> {
            int[] count = {0};
            context.router().retained().forEachMatching("lamp/state", message -> count[0]++);
            return count[0];
        });
        assertThat(retained).as("retained messages the broker holds for lamp/state").isZero();
    }

    @Test
    void persistentSessionReceivesTheQos1MessagesPublishedWhileAway() throws Exception {
        Result subscribe = run("mosquitto_sub", "-c", "-i", "away-client", "-q", "1", "-t", "mail/box", "-E");
        assertThat(subscribe.exitCode()).as(subscribe.describe()).isZero();

        for (String message : List.of("first", "second", "third")) {
            Result pub = run("mosquitto_pub", "-t", "mail/box", "-q", "1", "-m", message);
            assertThat(pub.exitCode()).as(pub.describe()).isZero();
        }

        Result resumed = run("mosquitto_sub", "-c", "-i", "away-client", "-q", "1", "-t", "mail/box", "-C", "3",
                "-W", "10");
        assertThat(resumed.exitCode()).as(resumed.describe()).isZero();
        assertThat(resumed.stdout()).isEqualTo("first\nsecond\nthird\n");
    }

    @Test
    void hashSubscriptionDoesNotReceiveSysTopics() throws Exception {
        Result sys = run("mosquitto_sub", "-t", "$SYS/broker/version", "-C", "1", "-W", "5");
        assertThat(sys.stdout()).as("the broker publishes $SYS topics; " + sys.describe()).startsWith("roost ");

        Client everything = start("mosquitto_sub", "-t", "#", "-v", "-C", "1", "-W", "10");
        awaitSubscriptions(1);
        Thread.sleep(SYS_INTERVAL.multipliedBy(3).toMillis()); // $SYS rounds happen while subscribed
        Result pub = run("mosquitto_pub", "-t", "plain/topic", "-m", "hello");
        assertThat(pub.exitCode()).as(pub.describe()).isZero();

        Result received = everything.awaitExit();
        assertThat(received.stdout()).as("the first and only message '#' gets").isEqualTo("plain/topic hello\n");
    }

    @Test
    void mqtt5PropertiesTravelBetweenMosquittoClients() throws Exception {
        // A later -V wins over the mqttv311 every client here starts with.
        Client sub = start("mosquitto_sub", "-V", "mqttv5", "-t", "v5/#", "-q", "1", "-C", "1", "-W", "10",
                "-D", "subscribe", "subscription-identifier", "12", "-F", "%t %p %C %S %P");
        awaitSubscriptions(1);

        Result pub = run("mosquitto_pub", "-V", "mqttv5", "-t", "v5/lamp", "-q", "1", "-m", "on",
                "-D", "publish", "content-type", "text/plain", "-D", "publish", "user-property", "room", "hall");

        assertThat(pub.exitCode()).as(pub.describe()).isZero();
        Result received = sub.awaitExit();
        assertThat(received.exitCode()).as(received.describe()).isZero();
        assertThat(received.stdout()).isEqualTo("v5/lamp on text/plain 12 room:hall\n");
    }

    // ---- process handling ----

    /** A running mosquitto client whose output goes to files, so it can never block on a full pipe. */
    private record Client(Process process, Path stdout, Path stderr) {
        Result awaitExit() throws IOException, InterruptedException {
            if (!process.waitFor(PROCESS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("mosquitto client did not exit within " + PROCESS_TIMEOUT + "; "
                        + new Result(-1, read(stdout), read(stderr)).describe());
            }
            return new Result(process.exitValue(), read(stdout), read(stderr));
        }

        private static String read(Path file) throws IOException {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit " + exitCode + ", stdout [" + stdout + "], stderr [" + stderr + "]";
        }
    }

    private Client start(String program, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("/usr/bin/" + program);
        command.addAll(List.of("-h", "127.0.0.1", "-p", Integer.toString(fixture.port()), "-V", "mqttv311"));
        command.addAll(List.of(args));
        int n = outputs++;
        Path stdout = temp.resolve(program + "-" + n + ".out");
        Path stderr = temp.resolve(program + "-" + n + ".err");
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        processes.add(process);
        return new Client(process, stdout, stderr);
    }

    private Result run(String program, String... args) throws IOException, InterruptedException {
        return start(program, args).awaitExit();
    }

    /** Waits until the broker holds this many subscriptions, i.e. a started mosquitto_sub is ready. */
    private void awaitSubscriptions(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (subscriptions() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(subscriptions()).as("subscriptions held by the broker").isEqualTo(count);
    }

    private int subscriptions() {
        return fixture.broker().inspect(context -> context.router().subscriptions().size());
    }
}
