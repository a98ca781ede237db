package dev.roost.hub.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roost.hub.RunningHub;
import dev.roost.hub.broker.Received;
import dev.roost.hub.broker.auth.ClientIdentity;
import dev.roost.hub.history.HistorySeed;
import dev.roost.hub.web.WebClient;
import dev.roost.hub.web.WebConfigs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.pagefactory.ByChained;
import org.openqa.selenium.support.ui.Select;

/** The dashboard in real headless Chromium at phone size, against a running hub with the demo devices. */
@Timeout(90)
class DashboardBrowserTest {

    private static final String PASSWORD = "correct horse battery";
    private static final List<String> DEMO_DEVICES =
            List.of("temperature", "thermostat", "smart-lock", "smart-lights", "front-door", "motion");
    private static final Duration LIVE_BUDGET = Duration.ofSeconds(1);

    @TempDir
    Path temp;
    private BrowserFixture fixture;
    private RunningHub hub;
    private Chromium browser;

    @BeforeEach
    void start() throws Exception {
        fixture = BrowserFixture.start(temp, PASSWORD);
        hub = fixture.hub;
        browser = fixture.browser;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void loggedInPhoneSeesTheDemoDevicesSwitchesTheLightsAndGetsTemperaturesLive() throws Exception {
        browser.logIn(hub.httpBase(), "admin", PASSWORD);
        for (String id : DEMO_DEVICES) {
            browser.await(tile(id));
        }

        try (MqttClient observer = hub.client("test-observer")) {
            Received lights = new Received();
            observer.subscribe("home/smart-lights", 1, lights);
            browser.driver().findElement(tile("smart-lights")).findElement(By.cssSelector("input.switch")).click();

            awaitMessage(lights, "\"state\":\"ON\"");
            browser.awaitText(value("smart-lights"), "ON");

            long sent = System.nanoTime();
            observer.publish("home/temperature", "{\"temperature\":31.7}".getBytes(StandardCharsets.UTF_8), 0, false);
            browser.waiting(LIVE_BUDGET).until(d -> d.findElement(value("temperature")).getText().contains("31.7"));
            long shownMillis = (System.nanoTime() - sent) / 1_000_000;
            assertThat(browser.driver().findElement(value("temperature")).getText()).isEqualTo("31.7 °C");
            System.out.printf("live temperature shown %d ms after publishing%n", shownMillis);
            observer.disconnect();
        }
        browser.screenshot(Screenshots.folder(), "dashboard-390x844");
    }

    @Test
    void raisingTheThermostatsSetPointSendsItAndTheTileShowsItFromTheState() throws Exception {
        try (MqttClient observer = hub.client("test-observer")) {
            Received thermostat = new Received();
            observer.subscribe("home/thermostat", 1, thermostat);
            browser.logIn(hub.httpBase(), "admin", PASSWORD);
            By shown = By.cssSelector("article.tile[data-device=\"thermostat\"] .setpoint-value");
            browser.awaitText(shown, "20.0 °C");

            browser.driver().findElement(tile("thermostat")).findElement(By.cssSelector("button.raise")).click();

            awaitMessage(thermostat, "\"setpoint\":20.5");
            browser.awaitText(shown, "20.5 °C");
            observer.disconnect();
        }
    }

    @Test
    void theBrokerScreenListsTheConnectedTestClientAndAnAdminLimitsTheTopicsOfUsers() throws Exception {
        try (MqttClient phone = hub.client("test-phone")) {
            phone.subscribe("home/#", 1);
            browser.logIn(hub.httpBase(), "admin", PASSWORD);
            browser.await(tile("motion"));
            browser.driver().findElement(By.id("nav-broker")).click();

            WebElement client = browser.await(By.cssSelector("article.client[data-client=\"test-phone\"]"));

            assertThat(client.getText()).contains("home/# (QoS 1)", "anonymous", "MQTT 3.1.1");
            browser.await(By.cssSelector("article.retained[data-topic=\"home/smart-lock\"]"));
            browser.awaitText(By.id("broker-stats"), "connected");
            browser.screenshot(Screenshots.folder(), "broker");
            phone.disconnect();
        }

        WebElement everyone = browser.await(By.cssSelector("article.subject[data-subject=\"$default\"]"));
        everyone.findElement(By.cssSelector("button.edit")).click();
        everyone.findElement(By.cssSelector("textarea.publish")).sendKeys("home/%u/#");
        everyone.findElement(By.cssSelector("textarea.subscribe")).sendKeys("home/#/state");
        everyone.findElement(By.cssSelector("button.save")).click();
        browser.awaitText(By.cssSelector("article.subject[data-subject=\"$default\"] .subscribe + .field-error"),
                "home/#/state: '#' must be a whole level and the last one");
        WebElement subscribe = everyone.findElement(By.cssSelector("textarea.subscribe"));
        subscribe.clear();
        subscribe.sendKeys("home/+/state");
        everyone.findElement(By.cssSelector("button.save")).click();
        browser.awaitText(By.cssSelector("article.subject[data-subject=\"$default\"]"), "Publish: home/%u/#");
        assertThat(hub.hub().broker().<Boolean>inspect(context -> context.permissions()
                .maySubscribe(new ClientIdentity("guest", "guest-phone"), "home/+/state"))).isTrue();
        assertThat(hub.hub().broker().<Boolean>inspect(context -> context.permissions()
                .maySubscribe(new ClientIdentity("guest", "guest-phone"), "home/#"))).isFalse();
    }

    @Test
    void unlockingTheDoorAsksFirstAndOnlyTheConfirmationSendsIt() {
        browser.logIn(hub.httpBase(), "admin", PASSWORD);
        browser.awaitText(value("smart-lock"), "LOCKED");
        WebElement lock = browser.driver().findElement(tile("smart-lock"));
        WebElement confirm = lock.findElement(By.className("confirm"));
        assertThat(confirm.isDisplayed()).isFalse();

        lock.findElement(By.cssSelector("button.lock")).click();
        assertThat(confirm.isDisplayed()).isTrue();
        assertThat(confirm.getText()).contains("Really unlock the door?");
        lock.findElement(By.xpath(".//button[text()='No']")).click();
        assertThat(confirm.isDisplayed()).isFalse();
        assertThat(hub.hub().devices().snapshots().stream().filter(d -> d.id().equals("smart-lock")).findFirst()
                .orElseThrow().state().get("state")).isEqualTo("LOCKED");

        lock.findElement(By.cssSelector("button.lock")).click();
        lock.findElement(By.className("confirm-yes")).click();
        browser.awaitText(value("smart-lock"), "UNLOCKED");
    }

    @Test
    void aTopicPublishedBeforeThePageOpenedGetsATileAndMarkupInItStaysText() throws Exception {
        String markup = "<img src=x onerror=window.pwned=1>";
        try (MqttClient sender = hub.client("test-sender")) {
            sender.publish("home/" + markup, markup.getBytes(StandardCharsets.UTF_8), 1, false);
            browser.logIn(hub.httpBase(), "admin", PASSWORD);

            WebElement shown = browser.await(tile("home/" + markup));

            assertThat(shown.findElement(By.tagName("h2")).getText()).isEqualTo("home/" + markup);
            assertThat(shown.findElement(By.className("value")).getText()).isEqualTo(markup);
            assertThat(browser.driver().findElements(By.cssSelector("#tiles img"))).isEmpty();
            assertThat(browser.script("return window.pwned === undefined")).isEqualTo(true);
            sender.disconnect();
        }
    }

    @Test
    void firstLoginWithTheGeneratedPasswordAsksForANewOneBeforeTheDashboard() throws Exception {
        hub.close();
        Path fresh = temp.resolve("fresh");
        hub = RunningHub.start(fresh, null);
        String initial = Files.readString(fresh.resolve("initial-admin-password")).strip();

        browser.logIn(hub.httpBase(), "admin", initial);
        browser.await(By.id("new-password")).sendKeys("a much better password");
        browser.driver().findElement(By.id("new-password-again")).sendKeys("a much better password");
        browser.driver().findElement(By.id("password-submit")).click();

        browser.await(tile("smart-lights"));
        browser.driver().findElement(By.id("logout")).click();
        browser.logIn(hub.httpBase(), "admin", "a much better password");
        browser.await(tile("smart-lights"));
    }

    @Test
    void aDeviceNamedLikeMarkupIsShownAsItsName() throws Exception {
        String markup = "<img src=x onerror=window.pwned=1>";
        hub.close();
        hub = RunningHub.start(WebConfigs.switchNamed(temp.resolve("config"), markup), temp.resolve("odd"), PASSWORD);

        browser.logIn(hub.httpBase(), "admin", PASSWORD);
        WebElement shown = browser.await(tile("odd"));

        assertThat(shown.findElement(By.tagName("h2")).getText()).isEqualTo(markup);
        assertThat(browser.driver().findElements(By.cssSelector("#tiles img"))).isEmpty();
        assertThat(browser.script("return window.pwned === undefined")).isEqualTo(true);
    }

    @Test
    void dashboardFirstLoadFromAnEmptyCacheIsUnder150KilobytesAndRendersItsTilesWithinOneSecond() {
        browser.logIn(hub.httpBase(), "admin", PASSWORD);
        browser.await(tile("motion"));
        browser.driver().executeCdpCommand("Network.clearBrowserCache", Map.of());
        // A new document, not a hash change: the logged-in phone opening the dashboard afresh.
        browser.open("about:blank");
        browser.open(hub.httpBase() + "/");
        browser.await(tile("motion"));
        browser.waiting(Chromium.WAIT).until(d -> browser.script(
                "return performance.getEntriesByName('roost-tiles').length") instanceof Long n && n > 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> load = (Map<String, Object>) browser.script("""
                const nav = performance.getEntriesByType('navigation')[0];
                const done = performance.getEntriesByType('resource').filter((r) => r.responseEnd > 0);
                return {
                  transferred: nav.transferSize + done.reduce((sum, r) => sum + r.transferSize, 0),
                  decoded: nav.decodedBodySize + done.reduce((sum, r) => sum + r.decodedBodySize, 0),
                  requests: 1 + done.length,
                  tiles: performance.getEntriesByName('roost-tiles')[0].startTime,
                  paint: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || -1 };
                """);
        long transferred = ((Number) load.get("transferred")).longValue();
        double tilesMillis = ((Number) load.get("tiles")).doubleValue();
        System.out.printf("dashboard first load: %d bytes transferred (%d decoded) in %s requests;"
                        + " first paint %.0f ms, tiles %.0f ms after navigation%n", transferred,
                ((Number) load.get("decoded")).longValue(), load.get("requests"),
                ((Number) load.get("paint")).doubleValue(), tilesMillis);
        assertThat(transferred).isPositive().isLessThan(150 * 1024);
        assertThat(tilesMillis).isLessThan(1_000);
    }

    @Test
    void historyShowsTheTemperatureTopicOverTheLastDayAndWeek() throws Exception {
        hub.close();
        Path seeded = temp.resolve("seeded");
        // Two days of a daily curve, as the demo sensor reports it, every five minutes.
        HistorySeed.readings(seeded, "home/temperature", "temperature", Duration.ofDays(2), Duration.ofMinutes(5),
                second -> 20 + 3 * Math.sin(2 * Math.PI * (second % 86_400) / 86_400.0));
        try (RunningHub withHistory = RunningHub.start(seeded, PASSWORD)) {
            publishAndAwaitRecorded(withHistory, "{\"temperature\":23.4}", "23.4");
            browser.logIn(withHistory.httpBase(), "admin", PASSWORD);
            browser.await(tile("temperature"));
            double opened = ((Number) browser.script("return performance.now()")).doubleValue();

            browser.driver().findElement(By.id("nav-history")).click();

            By day = By.cssSelector("section.chart[data-range='day'][data-topic='home/temperature']");
            By week = By.cssSelector("section.chart[data-range='week'][data-topic='home/temperature']");
            browser.await(new ByChained(day, By.tagName("canvas")));
            browser.await(new ByChained(week, By.tagName("canvas")));
            assertThat(new Select(browser.driver().findElement(By.id("history-series"))).getFirstSelectedOption()
                    .getText()).isEqualTo("home/temperature · temperature");
            assertThat(Integer.parseInt(browser.driver().findElement(day).getAttribute("data-points")))
                    .isGreaterThan(200);
            browser.awaitText(new ByChained(day, By.className("summary")), "latest 23.4 °C");
            long transferred = ((Number) browser.script("""
                    return performance.getEntriesByType('resource').filter((r) => r.startTime >= arguments[0])
                      .reduce((sum, r) => sum + r.transferSize, 0);""", opened)).longValue();
            System.out.printf("history screen: %d bytes transferred (uPlot, the screen's scripts, three API"
                    + " answers)%n", transferred);
            assertThat(transferred).isPositive().isLessThan(100 * 1024);
            browser.screenshot(Screenshots.folder(), "history");
        }
    }

    @Test
    void anAdminSavesTheHubsLocationOnTheSettingsScreen() throws Exception {
        browser.logIn(hub.httpBase(), "admin", PASSWORD);
        browser.await(tile("motion"));
        browser.driver().findElement(By.id("nav-settings")).click();
        browser.awaitText(By.id("location-source"), "Not set");

        WebElement latitude = browser.driver().findElement(By.id("latitude"));
        latitude.clear();
        latitude.sendKeys("48.137");
        WebElement longitude = browser.driver().findElement(By.id("longitude"));
        longitude.clear();
        longitude.sendKeys("11.575");
        WebElement zone = browser.driver().findElement(By.id("time-zone"));
        zone.clear();
        zone.sendKeys("Europe/Munich");
        browser.driver().findElement(By.id("location-save")).click();
        browser.awaitText(By.id("location-status"), "timeZone: unknown time zone 'Europe/Munich'");

        zone.clear();
        zone.sendKeys("Europe/Berlin");
        browser.driver().findElement(By.id("location-save")).click();
        browser.awaitText(By.id("location-status"), "Saved");
        browser.awaitText(By.id("location-source"), "Saved here");
        WebClient api = new WebClient(hub.httpBase());
        api.login("admin", PASSWORD);
        JsonNode saved = WebClient.json(api.get("/api/settings/location"));
        assertThat(saved.get("latitude").asDouble()).isEqualTo(48.137);
        assertThat(saved.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        browser.screenshot(Screenshots.folder(), "settings");
    }

    /** Publishes a temperature as a sensor would and waits until the history has it. */
    private static void publishAndAwaitRecorded(RunningHub hub, String payload, String value) throws Exception {
        WebClient api = new WebClient(hub.httpBase());
        api.login("admin", PASSWORD);
        try (MqttClient sensor = hub.client("test-thermometer")) {
            sensor.publish("home/temperature", payload.getBytes(StandardCharsets.UTF_8), 0, false);
            await().atMost(Chromium.WAIT).until(() -> WebClient.json(api.get("/api/history/topics")).toString()
                    .contains(value));
            sensor.disconnect();
        }
    }

    /** Waits for a message whose payload contains {@code text}, skipping the retained state that came first. */
    private static void awaitMessage(Received received, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Chromium.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (received.next(Chromium.WAIT).payload().contains(text)) {
                return;
            }
        }
        throw new AssertionError("no message with " + text + " within " + Chromium.WAIT);
    }

    static By tile(String id) {
        return By.cssSelector("article.tile[data-device=\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]");
    }

    private static By value(String id) {
        return By.cssSelector("article.tile[data-device=\"" + id + "\"] .value");
    }
}
