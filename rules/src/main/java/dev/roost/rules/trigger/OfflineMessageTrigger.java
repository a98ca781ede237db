package dev.roost.rules.trigger;

/** Fires when a device's availability topic changes to {@code offline} (the will its client left the broker). */
final class OfflineMessageTrigger implements MessageTrigger {

    static final String OFFLINE = "offline";

    private final String availabilityTopic;
    private final String description;
    private boolean offline;

    OfflineMessageTrigger(String availabilityTopic) {
        this.availabilityTopic = availabilityTopic;
        // Built once: the engine asks for it on every message that reaches the trigger.
        this.description = "offline " + availabilityTopic;
    }

    @Override
    public String filter() {
        return availabilityTopic;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public TriggerSignal offer(String topic, String payload, Object value, boolean retained) {
        boolean nowOffline = OFFLINE.equalsIgnoreCase(payload.strip());
        boolean wasOffline = offline;
        offline = nowOffline;
        if (retained) {
            return TriggerSignal.IGNORE;
        }
        if (nowOffline) {
            return wasOffline ? TriggerSignal.HOLD : TriggerSignal.FIRE;
        }
        return TriggerSignal.RELEASE;
    }
}
