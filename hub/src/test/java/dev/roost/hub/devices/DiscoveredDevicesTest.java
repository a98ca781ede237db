package dev.roost.hub.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roost.devices.discovered.Fixture;
import dev.roost.hub.broker.Received;
import dev.roost.hub.web.WebClient;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices that announce themselves through Home Assistant discovery, on the running hub: the fixtures (what
 * Zigbee2MQTT and Home Assistant's docs publish) are published with Debian's {@code mosquitto_pub}, the API is
 * read and driven as the phone does, and what reaches the devices is watched with a real MQTT client.
 */
class DiscoveredDevicesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SENSOR = "zigbee2mqtt-0x0017880104e45522";
    private static final String BULB = "zigbee2mqtt-0x000b57fffec6a5b2";
    private static final String VALVE = "zigbee2mqtt-0x0017882104a44559";

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
    void zigbee2mqttSensorIsOneDeviceWithEachReadingAsAField() throws Exception {
        publish(Fixture.load("zigbee2mqtt/weather-sensor").messages());

        JsonNode sensor = awaitDevice(SENSOR, d -> d.path("state").has("battery"));

        assertThat(sensor.get("name").asText()).isEqualTo("weather_sensor");
        assertThat(sensor.get("type").asText()).isEqualTo("sensor");
        assertThat(sensor.get("source").asText()).isEqualTo("discovery");
        assertThat(sensor.get("manufacturer").asText()).isEqualTo("Aqara");
        assertThat(sensor.get("model").asText()).isEqualTo("Temperature and humidity sensor");
        assertThat(sensor.get("online").asBoolean()).isTrue();
        JsonNode state = sensor.get("state");
        assertThat(state.get("temperature").asDouble()).isEqualTo(21.4);
        assertThat(state.get("humidity").asDouble()).isEqualTo(48.2);
        assertThat(state.get("pressure").asDouble()).isEqualTo(1008.3);
        assertThat(state.get("battery").asInt()).isEqualTo(97);
        List<String> units = new ArrayList<>();
        sensor.get("fields").forEach(f -> units.add(f.get("key").asText() + " " + f.get("unit").asText()));
        assertThat(units).containsExactly("temperature °C", "humidity %", "pressure hPa", "battery %");
    }

    @Test
    void roostDoesNotRediscoverItsOwnDevices() throws Exception {
        publish(Fixture.load("zigbee2mqtt/weather-sensor").messages());
        awaitDevice(SENSOR, d -> true);

        List<String> ids = new ArrayList<>();
        json.readTree(phone.get("/api/devices").body()).forEach(d -> ids.add(d.get("id").asText()));

        assertThat(ids).containsExactly("temperature", "thermostat", "smart-lock", "smart-lights", "front-door",
                "motion", SENSOR);
    }

    @Test
    void lightCommandBecomesTheJsonSchemaPayloadOnItsScale() throws Exception {
        Fixture bulb = Fixture.load("zigbee2mqtt/bulb");
        publish(bulb.messages());
        JsonNode light = awaitDevice(BULB, d -> d.path("state").has("brightness"));
        assertThat(light.get("type").asText()).isEqualTo("light");
        assertThat(light.get("state").get("state").asText()).isEqualTo("ON");
        assertThat(light.get("state").get("brightness").asInt()).isEqualTo(100);
        assertThat(light.get("state").get("color_temp").asInt()).isEqualTo(370);
        Received set = hub.subscribe("bulb-watcher", "zigbee2mqtt/bulb/set");

        for (Fixture.Command command : bulb.commands()) {
            HttpResponse<String> answer = phone.post("/api/devices/" + BULB + "/command", command.roost());

            assertThat(answer.statusCode()).as(command.meaning() + ": " + answer.body()).isEqualTo(200);
            Received.Msg sent = set.next(WAIT);
            assertThat(sent).as(command.meaning()).isNotNull();
            assertThat(sent.payload()).as(command.meaning()).isEqualTo(command.payload());
        }
    }

    @Test
    void climateSetpointAndModeGoToTheirOwnTopicsWithinTheDevicesLimits() throws Exception {
        Fixture valve = Fixture.load("zigbee2mqtt/radiator-valve");
        List<Fixture.Message> messages = valve.messages();
        publish(messages.subList(0, messages.size() - 1)); // all but the bridge going offline
        JsonNode climate = awaitDevice(VALVE, d -> d.path("state").has("action"));
        JsonNode state = climate.get("state");
        assertThat(climate.get("type").asText()).isEqualTo("climate");
        assertThat(state.get("temperature").asDouble()).isEqualTo(17.5);
        assertThat(state.get("setpoint").asDouble()).isEqualTo(19.5);
        assertThat(state.get("mode").asText()).isEqualTo("heat");
        assertThat(state.get("action").asText()).isEqualTo("heating");

        for (Fixture.Command command : valve.commands()) {
            Received set = hub.subscribe("watcher-" + command.topic().hashCode(), command.topic());
            HttpResponse<String> answer = phone.post("/api/devices/" + VALVE + "/command", command.roost());
            assertThat(answer.statusCode()).as(command.meaning() + ": " + answer.body()).isEqualTo(200);
            assertThat(set.next(WAIT).payload()).as(command.meaning()).isEqualTo(command.payload());
        }

        HttpResponse<String> tooWarm = phone.post("/api/devices/" + VALVE + "/command", "{\"setpoint\":40}");
        assertThat(tooWarm.statusCode()).isEqualTo(400);
        assertThat(WebClient.json(tooWarm).get("field").asText()).isEqualTo("setpoint");
        assertThat(WebClient.json(tooWarm).get("detail").asText()).contains("from 5 to 35");
    }

    @Test
    void anOfflineDeviceAnswers409AndIsSentNothing() throws Exception {
        Fixture valve = Fixture.load("zigbee2mqtt/radiator-valve");
        publish(valve.messages()); // ends with the bridge going offline
        awaitDevice(VALVE, d -> d.path("state").has("setpoint") && !d.get("online").asBoolean());
        Received set = hub.subscribe("setpoint-watcher", "zigbee2mqtt/TS0601_thermostat/set/#");

        HttpResponse<String> answer = phone.post("/api/devices/" + VALVE + "/command", "{\"setpoint\":21.5}");

        assertThat(answer.statusCode()).isEqualTo(409);
        hub.publish("zigbee2mqtt/TS0601_thermostat/set/sentinel", "after");
        assertThat(set.next(WAIT).topic()).as("the sentinel comes first: nothing was sent")
                .isEqualTo("zigbee2mqtt/TS0601_thermostat/set/sentinel");

        publish(List.of(new Fixture.Message("zigbee2mqtt/bridge/state", "{\"state\":\"online\"}", true)));
        awaitDevice(VALVE, d -> d.get("online").asBoolean());
    }

    @Test
    void anEmptyRetainedConfigRemovesTheDevice() throws Exception {
        publish(Fixture.load("zigbee2mqtt/weather-sensor").messages());
        awaitDevice(SENSOR, d -> true);

        publish(Fixture.load("zigbee2mqtt/removal").messages());

        await().atMost(WAIT.toSeconds(), TimeUnit.SECONDS).until(() -> device(SENSOR) == null);
    }

    @Test
    void abbreviatedConfigWithATopicBaseWorks() throws Exception {
        Fixture kitchen = Fixture.load("homeassistant/abbreviated-light");
        publish(kitchen.messages());
        JsonNode light = awaitDevice("kitchen-light", d -> d.path("state").has("state"));
        assertThat(light.get("name").asText()).isEqualTo("Kitchen");
        Received set = hub.subscribe("kitchen-watcher", "homeassistant/light/kitchen/set");

        Fixture.Command off = kitchen.commands().get(0);
        assertThat(phone.post("/api/devices/kitchen-light/command", off.roost()).statusCode()).isEqualTo(200);

        assertThat(set.next(WAIT).payload()).isEqualTo(off.payload());
    }

    @Test
    void malformedConfigsChangeNothingElse() throws Exception {
        publish(Fixture.load("zigbee2mqtt/weather-sensor").messages());
        awaitDevice(SENSOR, d -> d.path("state").has("temperature"));

        publish(Fixture.load("malformed/broken-configs").messages());

        JsonNode robot = awaitDevice("robot-1", d -> true);
        assertThat(robot.get("type").asText()).isEqualTo("vacuum");
        assertThat(robot.get("problems").toString()).contains("'vacuum' is not supported yet");
        JsonNode hall = awaitDevice("hall-light", d -> true);
        assertThat(hall.get("problems").toString()).contains("command_topic: missing");
        HttpResponse<String> switchHall = phone.post("/api/devices/hall-light/command", "{\"state\":\"ON\"}");
        assertThat(switchHall.statusCode()).isEqualTo(400);
        assertThat(device("garden")).isNull();
        assertThat(device("porch")).isNull();
        assertThat(device(SENSOR).get("state").get("temperature").asDouble()).isEqualTo(21.4);
        assertThat(phone.get("/api/health").statusCode()).isEqualTo(200);
    }

    @Test
    void webCommandsAreCheckedAgainstTheUsersTopicPermissions() throws Exception {
        publish(Fixture.load("zigbee2mqtt/bulb").messages());
        awaitDevice(BULB, d -> d.path("state").has("state"));
        assertThat(phone.post("/api/users", "{\"name\":\"child\",\"password\":\"child password\"}")
                .statusCode()).isEqualTo(201);
        assertThat(phone.put("/api/acl/child", "{\"publish\":[\"zigbee2mqtt/bulb/#\"],\"subscribe\":[\"#\"]}")
                .statusCode()).isEqualTo(200);
        WebClient child = new WebClient("http://127.0.0.1:" + hub.hub().ports().http());
        assertThat(child.login("child", "child password").statusCode()).isEqualTo(200);
        Received lock = hub.subscribe("lock-watcher", "home/smart-lock/set");
        Received bulb = hub.subscribe("bulb-watcher", "zigbee2mqtt/bulb/set");

        HttpResponse<String> unlock = child.post("/api/devices/smart-lock/command", "{\"state\":\"UNLOCK\"}");
        HttpResponse<String> off = child.post("/api/devices/" + BULB + "/command", "{\"state\":\"OFF\"}");

        assertThat(unlock.statusCode()).as(unlock.body()).isEqualTo(403);
        assertThat(WebClient.json(unlock).get("detail").asText()).contains("home/smart-lock/set");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(bulb.next(WAIT).payload()).isEqualTo("{\"state\":\"OFF\"}");
        hub.publish("home/smart-lock/set", "{\"state\":\"LOCK\"}");
        assertThat(lock.next(WAIT).payload()).as("the sentinel comes first: no UNLOCK was sent")
                .isEqualTo("{\"state\":\"LOCK\"}");
    }

    private JsonNode awaitDevice(String id, java.util.function.Predicate<JsonNode> ready) {
        return await().atMost(WAIT.toSeconds(), TimeUnit.SECONDS).until(() -> device(id),
                d -> d != null && ready.test(d));
    }

    private JsonNode device(String id) throws Exception {
        for (JsonNode device : json.readTree(phone.get("/api/devices").body())) {
            if (device.get("id").asText().equals(id)) {
                return device;
            }
        }
        return null;
    }

    /** Each message with mosquitto_pub, in order, as a device or bridge on the network would send it. */
    private void publish(List<Fixture.Message> messages) throws Exception {
        for (Fixture.Message message : messages) {
            List<String> command = new ArrayList<>(List.of("mosquitto_pub", "-h", "127.0.0.1", "-p",
                    Integer.toString(hub.hub().ports().mqtt()), "-q", "1", "-t", message.topic()));
            if (message.retain()) {
                command.add("-r");
            }
            if (message.payload().isEmpty()) {
                command.add("-n");
            } else {
                command.addAll(List.of("-m", message.payload()));
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("mosquitto_pub did not finish: " + command);
            }
            assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
        }
    }
}
