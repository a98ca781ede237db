package dev.roost.rules.trigger;

import java.util.HashMap;
import java.util.Map;

/**
 * Fires when a reading crosses a threshold ({@code below} 18: the first reading under 18), then stays quiet
 * until the reading has gone back past the threshold by the hysteresis (18.5 and over), so a temperature
 * wobbling around 18.0 fires once. Each concrete topic of the filter has its own state; a topic starts armed,
 * so its first reading on the firing side fires.
 */
final class ThresholdTrigger implements MessageTrigger {

    private final String description;
    private final String filter;
    private final String field;
    private final double threshold;
    private final double hysteresis;
    private final boolean below;
    /** Topics whose last reading fired and which have not yet gone back past the hysteresis band. */
    private final Map<String, Boolean> fired = new HashMap<>();

    ThresholdTrigger(String filter, String field, double threshold, double hysteresis, boolean below) {
        this.filter = filter;
        this.field = field;
        this.threshold = threshold;
        this.hysteresis = hysteresis;
        this.below = below;
        // Built once: the engine asks for it on every message that reaches the trigger.
        this.description = filter + (field == null ? "" : "." + field) + (below ? " below " : " above ") + threshold;
    }

    @Override
    public String filter() {
        return filter;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public TriggerSignal offer(String topic, String payload, Object value, boolean retained) {
        double reading = Readings.of(value, field);
        if (Double.isNaN(reading)) {
            return TriggerSignal.IGNORE;
        }
        boolean wasFired = fired.getOrDefault(topic, Boolean.FALSE);
        if (!wasFired && beyond(reading)) {
            fired.put(topic, Boolean.TRUE);
            return retained ? TriggerSignal.IGNORE : TriggerSignal.FIRE;
        }
        if (wasFired && rearmed(reading)) {
            fired.put(topic, Boolean.FALSE);
            return retained ? TriggerSignal.IGNORE : TriggerSignal.RELEASE;
        }
        return wasFired && !retained ? TriggerSignal.HOLD : TriggerSignal.IGNORE;
    }

    private boolean beyond(double reading) {
        return below ? reading < threshold : reading > threshold;
    }

    private boolean rearmed(double reading) {
        return below ? reading >= threshold + hysteresis : reading <= threshold - hysteresis;
    }
}
