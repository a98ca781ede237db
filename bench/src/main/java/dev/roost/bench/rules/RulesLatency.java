package dev.roost.bench.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roost.bench.LatencyHistogram;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end latency through a running hub's rules engine: a sensor publishes to {@code bench/rules/in}, a rule
 * forwards the payload to {@code bench/rules/out}, a subscriber measures the time. Loads {@code --rules} rules in
 * all (the others wait for thresholds on topics of their own), publishes at {@code --rate} and prints p50/p99.
 *
 * <p>Usage: {@code java -cp roost-bench.jar dev.roost.bench.rules.RulesLatency --mqtt-port N --http-port N
 * --password ADMIN_PASSWORD [--rules 500] [--rate 100] [--warmup 10] [--duration 30]}
 */
public final class RulesLatency {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int mqttPort = intArg(args, "--mqtt-port", 1883);
        int httpPort = intArg(args, "--http-port", 8080);
        String password = stringArg(args, "--password", null);
        int rules = intArg(args, "--rules", 500);
        int rate = intArg(args, "--rate", 100);
        int warmup = intArg(args, "--warmup", 10);
        int duration = intArg(args, "--duration", 30);
        if (password == null) {
            System.err.println("rules-latency: --password (the hub's admin password) is required");
            System.exit(2);
        }
        loadRules("http://127.0.0.1:" + httpPort, password, rules);

        LatencyHistogram histogram = new LatencyHistogram();
        AtomicLong received = new AtomicLong();
        long warmupMessages = (long) warmup * rate;
        MqttClient subscriber = connect(mqttPort, "rules-latency-out", password);
        subscriber.subscribe("bench/rules/out", 0, (topic, message) -> {
            long now = System.nanoTime();
            String[] parts = new String(message.getPayload(), StandardCharsets.UTF_8).split(":");
            if (Long.parseLong(parts[0]) >= warmupMessages) {
                histogram.record(now - Long.parseLong(parts[1]));
            }
            received.incrementAndGet();
        });
        MqttClient sensor = connect(mqttPort, "rules-latency-in", password);
        long total = (long) (warmup + duration) * rate;
        AtomicLong sent = new AtomicLong();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        pacer.scheduleAtFixedRate(() -> {
            long sequence = sent.getAndIncrement();
            if (sequence >= total) {
                return;
            }
            try {
                sensor.publish("bench/rules/in", (sequence + ":" + System.nanoTime()).getBytes(StandardCharsets.UTF_8),
                        0, false);
            } catch (Exception e) {
                System.err.println("publish failed: " + e);
            }
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(warmup + duration + 10L).toNanos();
        while (received.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        pacer.shutdownNow();
        sensor.disconnect();
        subscriber.disconnect();
        System.out.printf("rules latency: %d rules, %d msg/s, %d s (+%d s warm-up): p50 %.0f us, p99 %.0f us,"
                        + " p99.9 %.0f us, max %.0f us; received %d of %d%n", rules, rate, duration, warmup,
                histogram.percentile(50) / 1e3, histogram.percentile(99) / 1e3, histogram.percentile(99.9) / 1e3,
                histogram.max() / 1e3, received.get(), total);
        System.out.println("RESULT " + JSON.createObjectNode().put("scenario", "rules-latency").put("rules", rules)
                .put("rate", rate).put("p50_us", histogram.percentile(50) / 1e3)
                .put("p99_us", histogram.percentile(99) / 1e3).put("p999_us", histogram.percentile(99.9) / 1e3)
                .put("received", received.get()).put("sent", total));
        System.exit(received.get() == total ? 0 : 1);
    }

    /** One forwarding rule on the measured path and threshold rules on topics of their own for the rest. */
    private static void loadRules(String base, String password, int count) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("username", "admin")
                        .put("password", password).toString()))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + login.body());
        }
        String csrf = JSON.readTree(login.body()).get("csrfToken").asText();
        create(http, base, csrf, """
                id: bench-forward
                when: { topic: bench/rules/in }
                then: [ { publish: { topic: bench/rules/out, payload: '@{payload}' } } ]
                """);
        for (int i = 1; i < count; i++) {
            create(http, base, csrf, """
                    id: bench-other-%d
                    when: { topic: bench/sensors/%d, above: 30, hysteresis: 1 }
                    if: value > 30 && state['bench/window/%d'] != 'open'
                    then: [ { publish: { topic: bench/alarms/%d, payload: 'hot' } } ]
                    """.formatted(i, i, i, i));
        }
    }

    private static void create(HttpClient http, String base, String csrf, String yaml) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/rules"))
                .POST(HttpRequest.BodyPublishers.ofString(yaml)).header("Content-Type", "application/yaml")
                .header("X-CSRF-Token", csrf).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201 && created.statusCode() != 400) {
            throw new IllegalStateException("creating a rule failed: " + created.statusCode() + " " + created.body());
        }
        if (created.statusCode() == 400 && !created.body().contains("already")) {
            throw new IllegalStateException("rule refused: " + created.body());
        }
    }

    private static MqttClient connect(int port, String clientId, String password) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName("admin");
        options.setPassword(password.toCharArray());
        options.setAutomaticReconnect(false);
        client.connect(options);
        return client;
    }

    private static int intArg(String[] args, String name, int fallback) {
        String value = stringArg(args, name, null);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
