package dev.roost.hub.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roost.hub.broker.Received;
import dev.roost.hub.web.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web API of the devices, on the running hub, with the MQTT side watched by a real client. */
class DevicesOverHttpTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path temp;

    private final ObjectMapper json = new ObjectMapper();
    private SimulatedHub hub;
    private WebClient phone;

    @BeforeEach
    void start() throws Exception {
        hub = new SimulatedHub(temp);
        phone = new WebClient("http://127.0.0.1:" + hub.hub().ports().http());
        assertThat(phone.login("admin", SimulatedHub.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void listShowsTheSixDemoDevicesWithStateAndLastSeen() throws Exception {
        JsonNode devices = json.readTree(phone.get("/api/devices").body());

        List<String> ids = new ArrayList<>();
        devices.forEach(device -> ids.add(device.get("id").asText()));
        assertThat(ids).containsExactly("temperature", "thermostat", "smart-lock", "smart-lights", "front-door",
                "motion");
        JsonNode lock = devices.get(2);
        assertThat(lock.get("state").get("state").asText()).isEqualTo("LOCKED");
        assertThat(lock.get("online").asBoolean()).isTrue();
        assertThat(lock.get("lastSeen").asText()).isNotBlank();
    }

    @Test
    void commandFromTheWebReachesTheDeviceAndItsMqttState() throws Exception {
        Received state = hub.subscribe("watcher", "home/thermostat");
        assertThat(state.next(WAIT).payload()).isEqualTo("{\"state\":\"OFF\",\"setpoint\":20.0}");

        HttpResponse<String> response = phone.post("/api/devices/thermostat/command", "{\"state\":\"ON\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("state").get("state").asText()).isEqualTo("ON");
        assertThat(state.next(WAIT).payload()).isEqualTo("{\"state\":\"ON\",\"setpoint\":20.0}");
    }

    @Test
    void theThermostatsSetPointIsSetFromTheWebAndPublishedWithItsState() throws Exception {
        Received state = hub.subscribe("watcher", "home/thermostat");
        state.next(WAIT);

        HttpResponse<String> response = phone.post("/api/devices/thermostat/command", "{\"setpoint\":21.5}");
        HttpResponse<String> offStep = phone.post("/api/devices/thermostat/command", "{\"setpoint\":21.2}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("state").get("setpoint").asDouble()).isEqualTo(21.5);
        assertThat(state.next(WAIT).payload()).isEqualTo("{\"state\":\"OFF\",\"setpoint\":21.5}");
        assertThat(offStep.statusCode()).isEqualTo(400);
        assertThat(json.readTree(offStep.body()).get("field").asText()).isEqualTo("setpoint");
    }

    @Test
    void invalidCommandFromTheWebIs400AndAlsoReportedOnTheErrorTopic() throws Exception {
        Received errors = hub.subscribe("errors", "home/smart-lights/error");

        HttpResponse<String> response = phone.post("/api/devices/smart-lights/command", "{\"brightness\":-5}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("field").asText()).isEqualTo("brightness");
        assertThat(json.readTree(errors.next(WAIT).payload()).get("field").asText()).isEqualTo("brightness");
    }
}
