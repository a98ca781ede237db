package dev.roost.hub.broker.persistence;

import java.util.List;

/** The broker's whole durable state as journal entries that recreate it; called on the broker loop. */
@FunctionalInterface
public interface SnapshotSource {

    List<JournalEntry> snapshot();
}
