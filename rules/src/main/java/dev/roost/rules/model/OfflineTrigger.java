package dev.roost.rules.model;

/**
 * Fires when the device {@code offline} goes offline, i.e. its availability topic
 * ({@code home/<device-id>/availability}) changes to {@code offline}.
 */
public record OfflineTrigger(String offline) implements Trigger {
}
