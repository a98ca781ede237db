package dev.roost.hub.rules;

import static dev.roost.hub.web.WebClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roost.hub.RunningHub;
import dev.roost.hub.broker.Received;
import dev.roost.hub.config.ConfigLoader;
import dev.roost.hub.config.HubConfig;
import dev.roost.hub.web.WebClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import dev.roost.hub.broker.BrokerFixture;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules running in the hub: MQTT in, rule, MQTT out, managed over the HTTP API, surviving a restart. */
class RulesThroughTheHubTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(500);

    @TempDir
    Path temp;
    private HubConfig config;
    private RunningHub hub;
    private MqttClient sensor;

    @BeforeEach
    void start() throws Exception {
        // One wired button instead of the demo devices, so no simulated sensor publishes temperatures of its own;
        // the platform is still the simulated one, so the demo rules load.
        config = new ConfigLoader().load(Files.writeString(temp.resolve("roost.yaml"), """
                mqtt: { host: 127.0.0.1 }
                http: { host: 127.0.0.1 }
                devices:
                  list:
                    - { id: button, type: digital-in, pin: 5 }
                """));
        hub = RunningHub.start(config, temp.resolve("data"), PASSWORD);
        sensor = hub.client("sensor");
    }

    @AfterEach
    void stop() throws Exception {
        BrokerFixture.discard(sensor);
        hub.close();
    }

    private void publish(String topic, String payload) throws Exception {
        sensor.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    @Test
    void demoRulesTurnTheThermostatOnAndOffOncePerCrossing() throws Exception {
        Received thermostat = new Received();
        sensor.subscribe("home/thermostat/set", 1, thermostat);

        publish("home/temperature", "21");
        assertThat(thermostat.next(WAIT).payload()).isEqualTo("{\"state\":\"OFF\"}");
        publish("home/temperature", "17.5");
        assertThat(thermostat.next(WAIT).payload()).isEqualTo("{\"state\":\"ON\"}");
        publish("home/temperature", "{\"temperature\":17.5}");
        thermostat.expectNothing(QUIET);
        // Back above 18 after having been at 17.5: a real crossing. Then a wobble around 18 fires nothing.
        publish("home/temperature", "18.2");
        assertThat(thermostat.next(WAIT).payload()).isEqualTo("{\"state\":\"OFF\"}");
        for (String wobble : new String[] {"17.9", "18.1", "17.8", "18.3", "17.6"}) {
            publish("home/temperature", wobble);
        }
        thermostat.expectNothing(QUIET);
    }

    @Test
    void aRuleSavedOverTheApiRunsAndItsRunIsInTheHistory() throws Exception {
        WebClient phone = loggedIn();
        Received lights = new Received();
        sensor.subscribe("home/smart-lights/set", 1, lights);

        HttpResponse<String> saved = phone.send("POST", "/api/rules", """
                id: motion-light
                when: { topic: home/motion }
                if: value.motion == true
                then:
                  - publish: { topic: home/smart-lights/set, payload: '{"brightness":@{rule.id.length() * 5}}' }
                """, true);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);

        publish("home/motion", "{\"motion\":true}");
        assertThat(lights.next(WAIT).payload()).isEqualTo("{\"brightness\":60}");
        // The run is written to the history after its actions, so it may lag the message it published.
        JsonNode runs = json(phone.get("/api/rules/motion-light/runs"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (runs.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            runs = json(phone.get("/api/rules/motion-light/runs"));
        }
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).toString()).contains("home/motion", "home/smart-lights/set");
    }

    @Test
    void aRuleThatTriesToReachTheJvmIsRefusedWithItsPositionAndTheHubKeepsRunning() throws Exception {
        WebClient phone = loggedIn();

        HttpResponse<String> refused = phone.send("POST", "/api/rules", """
                id: escape
                when: { topic: home/x }
                if: Runtime.getRuntime().exec('reboot') != null
                then: [ { log: 'never' } ]
                """, true);

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode body = json(refused);
        assertThat(body.get("field").asText()).isEqualTo("if");
        assertThat(body.get("detail").asText()).startsWith("line 3, column");
        assertThat(body.get("problems").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(phone.get("/api/rules/escape").statusCode()).isEqualTo(404);
        assertThat(phone.get("/api/health").statusCode()).isEqualTo(200);
    }

    @Test
    void theDryRunSaysWhatWouldHappenWithoutPublishing() throws Exception {
        WebClient phone = loggedIn();
        Received thermostat = new Received();
        sensor.subscribe("home/thermostat/set", 1, thermostat);

        HttpResponse<String> report = phone.post("/api/rules/heat-when-cold/test",
                "{\"topic\":\"home/temperature\",\"payload\":\"12\"}");

        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(json(report).get("triggered").asBoolean()).isTrue();
        assertThat(report.body()).contains("home/thermostat/set");
        thermostat.expectNothing(QUIET);
    }

    @Test
    void rulesAndTheirVariablesSurviveARestart() throws Exception {
        WebClient phone = loggedIn();
        assertThat(phone.put("/api/rules/lock-at-night/enabled", "{\"enabled\":false}").statusCode()).isEqualTo(200);
        assertThat(phone.send("POST", "/api/rules", """
                id: doorbell-counter
                when: { topic: home/doorbell }
                then:
                  - set: { var: rings, value: "rule.vars.rings == null ? 1 : rule.vars.rings + 1" }
                  - publish: { topic: home/doorbell/count, payload: '@{rule.vars.rings}' }
                """, true).statusCode()).isEqualTo(201);
        Received count = new Received();
        sensor.subscribe("home/doorbell/count", 1, count);
        publish("home/doorbell", "ring");
        publish("home/doorbell", "ring");
        assertThat(count.take(2, WAIT)).extracting(Received.Msg::payload).containsExactly("1", "2");
        publish("home/smart-lock", "{\"state\":\"UNLOCK\"}");
        waitForRun(phone, "welcome-light");

        BrokerFixture.discard(sensor);
        hub.close();
        hub = RunningHub.start(config, temp.resolve("data"), PASSWORD);
        sensor = hub.client("sensor");

        WebClient again = loggedIn();
        JsonNode rules = json(again.get("/api/rules"));
        assertThat(rules.findValuesAsText("id")).contains("heat-when-cold", "lock-at-night", "welcome-light");
        assertThat(json(again.get("/api/rules/lock-at-night")).get("enabled").asBoolean()).isFalse();
        assertThat(json(again.get("/api/rules/welcome-light/runs"))).isNotEmpty();
        Received countAfter = new Received();
        sensor.subscribe("home/doorbell/count", 1, countAfter);
        publish("home/doorbell", "ring");
        assertThat(countAfter.next(WAIT).payload()).isEqualTo("3");
    }

    @Test
    void allRulesExportAsOneYamlFileThatImportsAllOrNothing() throws Exception {
        WebClient phone = loggedIn();
        String exported = phone.get("/api/rules/export").body();
        assertThat(exported).contains("heat-when-cold", "lock-at-night", "Heating on below 18 °C");

        HttpResponse<String> broken = phone.send("POST", "/api/rules/import", exported.replace("0 0 23 * * *",
                "every night"), true);
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json(broken).get("problems").get(0).get("line").asInt()).isPositive();

        phone.send("DELETE", "/api/rules/lock-at-night", null, true);
        HttpResponse<String> restored = phone.send("POST", "/api/rules/import", exported, true);
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(phone.get("/api/rules/lock-at-night").statusCode()).isEqualTo(200);
    }

    private void waitForRun(WebClient phone, String ruleId) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (json(phone.get("/api/rules/" + ruleId + "/runs")).isEmpty()) {
            assertThat(System.nanoTime()).as("a run of " + ruleId + " within " + WAIT).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private WebClient loggedIn() throws Exception {
        WebClient phone = new WebClient(hub.httpBase());
        assertThat(phone.login("admin", PASSWORD).statusCode()).isEqualTo(200);
        return phone;
    }
}
