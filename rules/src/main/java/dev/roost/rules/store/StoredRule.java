package dev.roost.rules.store;

import java.time.Instant;

/** A rule as the store keeps it: its document as written, whether it is enabled, and when it last changed. */
public record StoredRule(String id, String document, boolean enabled, Instant updatedAt) {
}
