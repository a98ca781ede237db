package dev.roost.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classic scene: the temperature sensor drives the thermostat through two threshold rules. */
class ThresholdRulesTest {

    private static final String HEAT_ON = """
            id: heat-on
            when: { topic: home/temperature, below: 18, hysteresis: 0.5 }
            then:
              - publish: { topic: home/thermostat/set, payload: '{"state":"ON"}', qos: 1 }
            """;
    private static final String HEAT_OFF = """
            id: heat-off
            when: { topic: home/temperature, above: 18, hysteresis: 0.5 }
            then:
              - publish: { topic: home/thermostat/set, payload: '{"state":"OFF"}', qos: 1 }
            """;

    private static final String ON = "{\"state\":\"ON\"}";
    private static final String OFF = "{\"state\":\"OFF\"}";

    @TempDir
    Path folder;
    private EngineFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new EngineFixture(folder, Instant.parse("2026-11-25T08:00:00Z"));
        fixture.load(HEAT_ON);
        fixture.load(HEAT_OFF);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void plainNumbersAndJsonGiveExactlyTheExpectedThermostatCommands() {
        fixture.publish("home/temperature", "21");
        assertThat(fixture.commands("home/thermostat/set")).containsExactly(OFF);

        fixture.publish("home/temperature", "17.5");
        assertThat(fixture.commands("home/thermostat/set")).containsExactly(OFF, ON);

        // Same side of the threshold, now as JSON: the heating is already on, nothing new is sent.
        fixture.publish("home/temperature", "{\"temperature\":17.5}");
        assertThat(fixture.commands("home/thermostat/set")).containsExactly(OFF, ON);
    }

    @Test
    void jsonReadingTurnsTheHeatingOn() {
        fixture.publish("home/temperature", "{\"temperature\":17.5}");

        assertThat(fixture.commands("home/thermostat/set")).containsExactly(ON);
        assertThat(fixture.bus.published()).filteredOn(message -> message.topic().equals("home/thermostat/set"))
                .singleElement().satisfies(message -> assertThat(message.qos()).isEqualTo(1));
    }

    @Test
    void temperatureWobblingAroundEighteenSwitchesOnce() {
        for (String reading : new String[] {"18.2", "17.9", "18.1", "17.95", "18.3", "17.8", "18.4", "17.99"}) {
            fixture.publish("home/temperature", reading);
        }

        assertThat(fixture.commands("home/thermostat/set")).containsExactly(OFF, ON);
    }

    @Test
    void everyRunIsInTheHistoryWithTriggerAndActionOutcome() {
        fixture.publish("home/temperature", "17.5");

        assertThat(fixture.runs("heat-on")).singleElement().satisfies(run -> {
            assertThat(run.trigger()).isEqualTo("home/temperature below 18.0");
            assertThat(run.topic()).isEqualTo("home/temperature");
            assertThat(run.payloadExcerpt()).isEqualTo("17.5");
            assertThat(run.outcome()).isEqualTo(RunOutcome.COMPLETED);
            assertThat(run.steps()).singleElement().satisfies(step -> {
                assertThat(step.action()).isEqualTo("publish");
                assertThat(step.outcome()).isEqualTo(StepOutcome.DONE);
                assertThat(step.detail()).isEqualTo("home/thermostat/set {\"state\":\"ON\"}");
            });
        });
        assertThat(fixture.runs("heat-off")).isEmpty();
    }

    @Test
    void retainedReadingOnStartIsStateNotAnEvent() throws Exception {
        InProcessBus bus = new InProcessBus();
        bus.publish("home/temperature", "17".getBytes(), 0, true);
        try (EngineFixture restarted = new EngineFixture(folder.resolve("restart"), Instant.parse("2026-11-25T08:00:00Z"),
                bus, 20)) {
            restarted.load(HEAT_ON);
            restarted.scheduler.advance(Duration.ofSeconds(1));

            assertThat(restarted.commands("home/thermostat/set")).isEmpty();
        }
    }

    @Test
    void burstBeyondWhatTheEngineCanHoldIsDroppedAndCounted() {
        for (int i = 0; i < RuleEngine.MAX_WAITING_MESSAGES + 3; i++) {
            fixture.bus.publish("home/temperature", "21".getBytes(), 0, false);
        }
        fixture.scheduler.runReady();

        assertThat(fixture.engine.droppedMessages()).isEqualTo(3);
        fixture.publish("home/temperature", "17.5");
        assertThat(fixture.commands("home/thermostat/set")).containsExactly(OFF, ON);
    }

    @Test
    void burstOnTopicsNoRuleWantsIsKeptAsStateWithoutWaitingForTheEngine() {
        for (int i = 0; i <= RuleEngine.MAX_WAITING_MESSAGES; i++) {
            fixture.bus.publish("garden/soil/" + (i % 10), Integer.toString(i).getBytes(), 0, false);
        }
        fixture.scheduler.runReady();

        assertThat(fixture.engine.droppedMessages()).isZero();
        fixture.load("""
                id: water-when-dry
                when: { topic: home/temperature }
                if: state['garden/soil/0'] == 10000
                then:
                  - publish: { topic: garden/valve/set, payload: 'OPEN' }
                """);
        fixture.publish("home/temperature", "21");
        assertThat(fixture.commands("garden/valve/set")).containsExactly("OPEN");
    }
}
