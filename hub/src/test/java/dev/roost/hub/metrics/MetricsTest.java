package dev.roost.hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.hub.RunningHub;
import dev.roost.hub.users.LocalAdminToken;
import dev.roost.hub.web.WebClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} on a running hub, scraped the way Prometheus does it. */
class MetricsTest {

    @TempDir
    Path data;

    @Test
    void aScraperWithATokenGetsTheBrokersFiguresInPrometheusFormat() throws Exception {
        try (RunningHub hub = RunningHub.start(data, "correct horse battery")) {
            MqttClient client = hub.client("meter");
            // QoS 1 and retained: acknowledged once stored, so a commit has happened by the time publish returns.
            client.publish("test/metrics", "x".getBytes(StandardCharsets.UTF_8), 1, true);
            String token = LocalAdminToken.read(data).orElseThrow();

            HttpResponse<String> scrape = new WebClient(hub.httpBase()).sendWithHeader("GET", "/metrics",
                    "Authorization", "Bearer " + token);
            client.disconnect();
            client.close();

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
            Map<String, Double> values = scrape.body().lines().filter(line -> !line.startsWith("#"))
                    .map(line -> line.split(" ")).collect(Collectors.toMap(p -> p[0], p -> Double.parseDouble(p[1])));
            assertThat(values.get("roost_clients_connected")).isGreaterThanOrEqualTo(1.0);
            assertThat(values.get("roost_retained_messages")).isGreaterThanOrEqualTo(1.0);
            assertThat(values.get("jvm_memory_heap_used_bytes")).isPositive();
            assertThat(values.get("roost_storage_commits_total")).isGreaterThanOrEqualTo(1.0);
            assertThat(values.get("roost_storage_write_seconds_total")).isPositive();
            assertThat(values.get("roost_storage_failing")).isZero();
            assertThat(values).containsKeys("roost_messages_received_total", "roost_messages_denied_total",
                    "jvm_gc_collections_total", "jvm_memory_heap_after_gc_bytes", "roost_uptime_seconds");
            assertThat(values.get("roost_history_dropped_total")).isZero();
            assertThat(scrape.body().lines().filter(line -> line.startsWith("# TYPE"))
                    .map(line -> line.split(" ")[3])).allMatch(type -> Arrays.asList("counter", "gauge").contains(type));
        }
    }
}
