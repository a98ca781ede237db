package dev.roost.hub.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roost.hub.RunningHub;
import dev.roost.hub.web.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The rule list and editor in real headless Chromium at phone size, against a running hub's demo rules. */
@Timeout(90)
class RuleEditorBrowserTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String RULE = "heat-when-cold";
    private static final String FIXED = """
            id: heat-when-cold
            name: Heating on from the test button
            when: { topic: home/test/button }
            then:
              - publish: { topic: home/thermostat/set, payload: '{"state":"ON"}', qos: 1 }
            """;
    /** The same rule with the flow mapping of line 3 left open. */
    private static final String BROKEN = FIXED.replace("home/test/button }", "home/test/button");

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
    void aSyntaxErrorIsShownAtItsLineTheFixIsSavedAndItsRunTraceCanBeRead() throws Exception {
        browser.logIn(hub.httpBase(), "admin", PASSWORD);
        browser.await(By.id("tiles"));
        browser.open(hub.httpBase() + "/#/rules");
        WebElement listed = browser.await(By.cssSelector("article.rule[data-rule='" + RULE + "']"));
        assertThat(listed.getText()).contains("ACTIVE", "last run:");
        browser.awaitText(By.cssSelector("article.rule[data-rule='" + RULE + "']"), "last run: never");
        browser.screenshot(Screenshots.folder(), "rules-390x844");
        listed.findElement(By.tagName("a")).click();
        browser.await(By.id("view-yaml")).click();

        WebElement yaml = browser.await(By.id("rule-yaml"));
        retype(yaml, BROKEN);
        WebElement problem = browser.await(By.cssSelector("#rule-problems .problem"));
        assertThat(problem.getText()).startsWith("Line ");
        assertThat(problem.getAttribute("data-line")).isNotEqualTo("0");
        browser.screenshot(Screenshots.folder(), "rule-editor-390x844");

        retype(yaml, FIXED);
        browser.await(By.id("rule-valid"));
        browser.driver().findElement(By.id("rule-save")).click();
        browser.awaitText(By.id("rule-saved"), "Saved");
        assertThat(storedDocument(RULE)).isEqualTo(FIXED);

        try (MqttClient button = hub.client("test-button")) {
            button.publish("home/test/button", "pressed".getBytes(StandardCharsets.UTF_8), 1, false);
            button.disconnect();
        }
        // The history is written off the engine's thread: refresh until the run is there.
        browser.waiting(Chromium.WAIT).until(d -> {
            d.findElement(By.xpath("//button[text()='Refresh']")).click();
            return !d.findElements(By.cssSelector("#rule-runs details.run")).isEmpty();
        });
        WebElement run = browser.driver().findElement(By.cssSelector("#rule-runs details.run"));
        run.findElement(By.tagName("summary")).click();
        assertThat(run.findElement(By.className("steps")).getText()).contains("publish", "home/thermostat/set");
        assertThat(run.getText()).contains("home/test/button", "pressed");
    }

    @Test
    void aThresholdRuleMadeWithTheFormIsSavedAndReadsAsYaml() throws Exception {
        browser.logIn(hub.httpBase(), "admin", PASSWORD);
        browser.await(By.id("tiles"));
        browser.open(hub.httpBase() + "/#/rules/new");
        retype(browser.await(By.id("rule-id")), "cold-alert");
        retype(browser.driver().findElement(By.id("rule-name")), "Cold alert");
        new Select(browser.driver().findElement(By.id("trigger-kind"))).selectByValue("threshold");
        retype(browser.driver().findElement(By.id("trigger-topic")), "home/temperature");
        retype(browser.driver().findElement(By.id("trigger-field")), "temperature");
        retype(browser.driver().findElement(By.id("trigger-value")), "17");
        WebElement hysteresis = browser.driver().findElement(By.id("trigger-hysteresis"));
        retype(hysteresis, "-1");
        WebElement action = browser.driver().findElement(By.cssSelector("#rule-actions [data-action='0']"));
        retype(action.findElement(By.name("topic")), "home/thermostat/set");
        new Select(action.findElement(By.name("qos"))).selectByValue("1");

        // The hub's check names when[0].hysteresis; the form shows it under that input.
        browser.awaitText(By.cssSelector("label:has(#trigger-hysteresis) .field-error"), "must not be negative");
        retype(hysteresis, "0.5");
        browser.await(By.id("rule-valid"));
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot(Screenshots.folder(), "rule-form");
        browser.driver().findElement(By.id("rule-save")).click();

        browser.waiting(Chromium.WAIT).until(d -> d.getCurrentUrl().endsWith("#/rules/cold-alert"));
        browser.await(By.id("test-topic")); // the saved rule's editor, with its dry run
        browser.awaitText(By.id("rule-saved"), "Saved");
        browser.await(By.id("view-yaml")).click();
        String expected = """
                id: cold-alert
                name: 'Cold alert'
                when: { topic: home/temperature, below: 17, hysteresis: 0.5, field: temperature }
                then:
                  - publish: { topic: home/thermostat/set, payload: '{"state":"ON"}', qos: 1 }
                """;
        assertThat(browser.await(By.id("rule-yaml")).getAttribute("value")).isEqualTo(expected);
        assertThat(storedDocument("cold-alert")).isEqualTo(expected);

        retype(browser.driver().findElement(By.id("rule-yaml")), "id: cold-alert\nwhen: { offline: smart-lock }\n"
                + "then:\n  - log: door lock offline\n");
        browser.driver().findElement(By.id("view-form")).click();
        browser.awaitText(By.id("view-note"), "This rule only fits the YAML view");
    }

    @Test
    void theDryRunShowsWhatTheRuleWouldDoWithoutDoingIt() {
        browser.logIn(hub.httpBase(), "admin", PASSWORD);
        browser.await(By.id("tiles"));
        browser.open(hub.httpBase() + "/#/rules/" + RULE);
        browser.await(By.id("test-topic")).sendKeys("home/temperature");
        browser.driver().findElement(By.id("test-payload")).sendKeys("{\"temperature\":15}");
        browser.driver().findElement(By.id("rule-test")).click();

        browser.awaitText(By.id("test-result"), "Would run");
        assertThat(browser.driver().findElement(By.id("test-result")).getText()).contains("home/thermostat/set");
    }

    @Test
    void theEnabledSwitchInTheListDisablesTheRule() throws Exception {
        browser.logIn(hub.httpBase(), "admin", PASSWORD);
        browser.await(By.id("tiles"));
        browser.open(hub.httpBase() + "/#/rules");
        By card = By.cssSelector("article.rule[data-rule='" + RULE + "']");
        browser.await(card).findElement(By.cssSelector("input.switch")).click();

        browser.awaitText(card, "DISABLED");
        WebClient api = new WebClient(hub.httpBase());
        api.login("admin", PASSWORD);
        assertThat(new ObjectMapper().readTree(api.get("/api/rules/" + RULE).body()).get("enabled").asBoolean())
                .isFalse();
    }

    private void retype(WebElement field, String text) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(text);
    }

    private String storedDocument(String id) throws Exception {
        WebClient api = new WebClient(hub.httpBase());
        assertThat(api.login("admin", PASSWORD).statusCode()).isEqualTo(200);
        JsonNode rule = new ObjectMapper().readTree(api.get("/api/rules/" + id).body());
        return rule.get("document").asText();
    }
}
