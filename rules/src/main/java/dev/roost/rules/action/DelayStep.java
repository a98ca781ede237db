package dev.roost.rules.action;

import dev.roost.rules.sandbox.Bindings;
import java.time.Duration;

/** Waits before the next step; the engine does the waiting on its scheduler, so it can be cancelled. */
public record DelayStep(Duration duration) implements Step {

    @Override
    public String kind() {
        return "delay";
    }

    @Override
    public String perform(Bindings bindings, ActionEffects effects) {
        return "waited " + duration;
    }
}
