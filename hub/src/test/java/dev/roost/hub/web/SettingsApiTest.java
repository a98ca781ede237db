package dev.roost.hub.web;

import static dev.roost.hub.web.WebClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roost.hub.RunningHub;
import dev.roost.hub.config.ConfigLoader;
import dev.roost.hub.config.HubConfig;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/settings/location}: stored in H2, applied to the running sun triggers, kept over a restart. */
class SettingsApiTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String TOKYO = "{\"latitude\":35.68,\"longitude\":139.69,\"timeZone\":\"Asia/Tokyo\"}";
    private static final String SUNRISE_RULE = """
            id: wake-up
            when: { sun: sunrise }
            then:
              - log: good morning
            """;

    @TempDir
    Path temp;

    @Test
    void aSavedLocationOverridesTheConfigFileMovesSunriseRulesAndSurvivesARestart() throws Exception {
        HubConfig berlin = new ConfigLoader().load(Files.writeString(temp.resolve("roost.yaml"),
                "location:\n  latitude: 52.52\n  longitude: 13.405\n  timeZone: Europe/Berlin\n"));
        Path data = temp.resolve("data");
        Instant inBerlin;
        try (RunningHub hub = RunningHub.start(berlin, data, PASSWORD)) {
            WebClient admin = loggedIn(hub);
            JsonNode configured = json(admin.get("/api/settings/location"));
            assertThat(configured.get("source").asText()).isEqualTo("config");
            assertThat(configured.get("timeZone").asText()).isEqualTo("Europe/Berlin");
            assertThat(admin.post("/api/rules", SUNRISE_RULE).statusCode()).isEqualTo(201);
            inBerlin = await().atMost(Duration.ofSeconds(5)).until(() -> nextRun(admin), next -> next != null);
            assertSunrise(inBerlin, "Europe/Berlin");

            HttpResponse<String> saved = admin.put("/api/settings/location", TOKYO);

            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(json(saved).get("source").asText()).isEqualTo("settings");
            Instant inTokyo = await().atMost(Duration.ofSeconds(5))
                    .until(() -> nextRun(admin), next -> next != null && !next.equals(inBerlin));
            assertSunrise(inTokyo, "Asia/Tokyo");
        }
        try (RunningHub restarted = RunningHub.start(berlin, data, PASSWORD)) {
            WebClient admin = loggedIn(restarted);
            JsonNode kept = json(admin.get("/api/settings/location"));
            assertThat(kept.get("source").asText()).isEqualTo("settings");
            assertThat(kept.get("latitude").asDouble()).isEqualTo(35.68);
            assertThat(kept.get("longitude").asDouble()).isEqualTo(139.69);
            assertThat(kept.get("timeZone").asText()).isEqualTo("Asia/Tokyo");
            assertSunrise(await().atMost(Duration.ofSeconds(5)).until(() -> nextRun(admin), next -> next != null),
                    "Asia/Tokyo");
        }
    }

    @Test
    void badLocationsAre400NamingTheFieldAndChangeNothing() throws Exception {
        try (RunningHub hub = RunningHub.start(temp, PASSWORD)) {
            WebClient admin = loggedIn(hub);

            assertBad(admin, "{\"latitude\":90.5,\"longitude\":0,\"timeZone\":\"UTC\"}", "latitude");
            assertBad(admin, "{\"latitude\":\"north\",\"longitude\":0,\"timeZone\":\"UTC\"}", "latitude");
            assertBad(admin, "{\"longitude\":0,\"timeZone\":\"UTC\"}", "latitude");
            assertBad(admin, "{\"latitude\":0,\"longitude\":-180.01,\"timeZone\":\"UTC\"}", "longitude");
            assertBad(admin, "{\"latitude\":0,\"longitude\":0,\"timeZone\":\"Mars/Olympus_Mons\"}", "timeZone");
            assertBad(admin, "{\"latitude\":0,\"longitude\":0,\"timeZone\":\"+02:00\"}", "timeZone");
            assertBad(admin, "{\"latitude\":0,\"longitude\":0}", "timeZone");
            HttpResponse<String> notJson = admin.put("/api/settings/location", "{latitude");
            assertThat(notJson.statusCode()).isEqualTo(400);

            assertThat(json(admin.get("/api/settings/location")).get("source").asText()).isEqualTo("default");
        }
    }

    @Test
    void onlyAnAdminMayChangeTheLocationAndEveryoneMayReadIt() throws Exception {
        try (RunningHub hub = RunningHub.start(temp, PASSWORD)) {
            WebClient admin = loggedIn(hub);
            assertThat(admin.post("/api/users", "{\"name\":\"anna\",\"password\":\"annas password\"}").statusCode())
                    .isEqualTo(201);
            WebClient anna = new WebClient(hub.httpBase());
            assertThat(anna.login("anna", "annas password").statusCode()).isEqualTo(200);

            HttpResponse<String> refused = anna.put("/api/settings/location", TOKYO);

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(json(refused).get("error").asText()).isEqualTo("forbidden");
            assertThat(anna.get("/api/settings/location").statusCode()).isEqualTo(200);
            assertThat(json(anna.get("/api/settings/location")).get("source").asText()).isEqualTo("default");
        }
    }

    private static WebClient loggedIn(RunningHub hub) throws Exception {
        WebClient admin = new WebClient(hub.httpBase());
        assertThat(admin.login("admin", PASSWORD).statusCode()).isEqualTo(200);
        return admin;
    }

    private static Instant nextRun(WebClient admin) throws Exception {
        JsonNode next = json(admin.get("/api/rules/wake-up")).get("nextRun");
        return next == null || next.isNull() ? null : Instant.parse(next.asText());
    }

    /**
     * Sunrise is between 4 and 8 in the morning, local time, at both places all year. The next one is at most a
     * day and the day's drift away: just after this morning's, tomorrow's comes up to a few minutes more than 24
     * hours later (in December, about a minute later each day in Tokyo).
     */
    private static void assertSunrise(Instant at, String zone) {
        assertThat(at).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofHours(25)));
        assertThat(at.atZone(ZoneId.of(zone)).getHour()).as("sunrise at " + at + " in " + zone).isBetween(4, 8);
    }

    private static void assertBad(WebClient admin, String body, String field) throws Exception {
        HttpResponse<String> response = admin.put("/api/settings/location", body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(json(response).get("field").asText()).as(body).isEqualTo(field);
    }
}
