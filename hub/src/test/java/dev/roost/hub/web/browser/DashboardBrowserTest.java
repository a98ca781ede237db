package dev.roost.hub.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roost.hub.RunningHub;
import dev.roost.hub.broker.Received;
import dev.roost.hub.broker.auth.ClientIdentity;
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
