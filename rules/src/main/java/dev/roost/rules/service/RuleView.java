package dev.roost.rules.service;

import dev.roost.rules.engine.RuleStatus;

/**
 * A rule as its owner sees it: id, name, whether it is enabled, its document as written, and its status
 * (active, disabled, paused, or invalid with the reason) in words.
 */
public record RuleView(String id, String name, boolean enabled, String document, RuleStatus status) {
}
