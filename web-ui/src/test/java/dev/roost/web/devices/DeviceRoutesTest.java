package dev.roost.web.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roost.web.HubStatus;
import dev.roost.web.TestServices;
import dev.roost.web.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceRoutesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Instant SEEN = Instant.parse("2026-11-25T08:00:00Z");

    /** Stands in for the hub's device layer: one dimmable light that accepts brightness 0..100. */
    private static final class OneLight implements DeviceDirectory {
        final AtomicReference<Map<String, Object>> state =
                new AtomicReference<>(Map.of("state", "OFF", "brightness", 100));

        @Override
        public List<DeviceView> devices() {
            return List.of(new DeviceView("smart-lights", "pwm", "Lights", state.get(), true, SEEN));
        }

        @Override
        public Optional<CommandResult> command(String user, String id, JsonNode command) {
            if (!id.equals("smart-lights")) {
                return Optional.empty();
            }
            int brightness = command.path("brightness").asInt(-1);
            if (brightness < 0 || brightness > 100) {
                return Optional.of(CommandResult.rejected("brightness", "must be a whole number from 0 to 100"));
            }
            state.set(Map.of("state", "ON", "brightness", brightness));
            return Optional.of(CommandResult.ok());
        }
    }

    private record Status(String version, Duration uptime, int connectedClients) implements HubStatus {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final OneLight light = new OneLight();
    private WebServer server;
    private int port;

    @BeforeEach
    void start() {
        server = new WebServer(TestServices.with(new Status("test", Duration.ZERO, 0), light));
        port = server.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(TIMEOUT).header("Authorization", TestServices.AUTHORIZATION).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void listShowsEachDeviceWithStateAvailabilityAndLastSeen() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/devices")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode device = json.readTree(response.body()).get(0);
        assertThat(device.get("id").asText()).isEqualTo("smart-lights");
        assertThat(device.get("type").asText()).isEqualTo("pwm");
        assertThat(device.get("state").get("brightness").asInt()).isEqualTo(100);
        assertThat(device.get("online").asBoolean()).isTrue();
        assertThat(device.get("lastSeen").asText()).isEqualTo("2026-11-25T08:00:00Z");
    }

    @Test
    void acceptedCommandAnswersWithTheNewState() throws Exception {
        HttpResponse<String> response = post("/api/devices/smart-lights/command", "{\"brightness\":40}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("state"))
                .isEqualTo(json.readTree("{\"state\":\"ON\",\"brightness\":40}"));
    }

    @Test
    void rejectedCommandIs400NamingTheField() throws Exception {
        HttpResponse<String> response = post("/api/devices/smart-lights/command", "{\"brightness\":400}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body())).isEqualTo(json.readTree(
                "{\"error\":\"invalid command\",\"field\":\"brightness\","
                        + "\"detail\":\"must be a whole number from 0 to 100\"}"));
        assertThat(light.state.get()).containsEntry("state", "OFF");
    }

    @Test
    void bodyThatIsNotJsonIs400() throws Exception {
        HttpResponse<String> response = post("/api/devices/smart-lights/command", "brightness=40");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("invalid command");
        assertThat(body.get("detail").asText()).startsWith("the body is not JSON");
    }

    @Test
    void unknownDeviceIs404() throws Exception {
        HttpResponse<String> response = post("/api/devices/toaster/command", "{\"state\":\"ON\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("detail").asText()).isEqualTo("no device 'toaster'");
    }
}
