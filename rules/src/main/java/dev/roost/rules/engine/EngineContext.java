package dev.roost.rules.engine;

import dev.roost.rules.bus.MessageBus;
import dev.roost.rules.schedule.Scheduler;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * What every loaded rule shares: the engine's thread and clock, the bus, the history and variable stores,
 * the settings, the latest value of every topic ({@code state}), where statuses are published, and the messages
 * the rules published that have not come back yet.
 */
record EngineContext(Scheduler scheduler, MessageBus bus, RunRecorder recorder, VariableStore variables,
                     EngineSettings settings, LazyState state, Map<String, RuleStatus> statuses,
                     OwnMessages own) {

    ZoneId zone() {
        return settings.triggers().location().zone();
    }

    ZonedDateTime now() {
        return ZonedDateTime.ofInstant(scheduler.clock().instant(), zone());
    }
}
