package dev.roost.rules.service;

import dev.roost.rules.engine.RuleStatus;
import java.time.Instant;

/**
 * A rule as its owner sees it: id, name, whether it is enabled, its document as written, its status
 * (active, disabled, paused, or invalid with the reason) in words, and when a time trigger of it fires next
 * (null when it has none armed).
 */
public record RuleView(String id, String name, boolean enabled, String document, RuleStatus status,
                       Instant nextRun) {
}
