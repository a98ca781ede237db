package dev.roost.rules.engine;

import dev.roost.rules.bus.MessageBus;
import dev.roost.rules.schedule.Scheduler;
import dev.roost.rules.trigger.Location;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every loaded rule shares: the engine's thread and clock, the bus, the history and variable stores,
 * the settings, where the hub is now (it can move while the engine runs), the latest value of every topic
 * ({@code state}), where statuses and the next moments of time triggers are published, and the messages the
 * rules published that have not come back yet.
 */
record EngineContext(Scheduler scheduler, MessageBus bus, RunRecorder recorder, VariableStore variables,
                     EngineSettings settings, Supplier<Location> location, LazyState state,
                     Map<String, RuleStatus> statuses, Map<String, Instant> nextRuns, OwnMessages own) {

    ZoneId zone() {
        return location.get().zone();
    }

    ZonedDateTime now() {
        return ZonedDateTime.ofInstant(scheduler.clock().instant(), zone());
    }
}
